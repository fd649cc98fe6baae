package cn.jiaoyun.host;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleUser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds a demo bureau's figures to a module it enables: every file
 * {@code tenants/<code>/demo/<module-id>/<importer>[-anything].<ext>} goes through the module's
 * importer {@code <importer>} as the bureau's administrator would upload it, in file-name order.
 * The files are in the importers' own formats, so the demo shows exactly what a bureau's import
 * does; the host runs it once, when the demo installs the module.
 */
@Singleton
public class DemoModuleData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoModuleData.class);
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final ModuleUser SYSTEM = new ModuleUser(0, "system", "系统（演示数据）", Set.of("BUREAU_ADMIN"));

    /** What one demo file did. */
    public record Loaded(String bureau, String file, Importer.Outcome outcome, String error) {
        public boolean clean() {
            return error == null && outcome != null && outcome.problems().isEmpty();
        }
    }

    private final PluginRuntime runtime;
    private final BureauModules bureauModules;

    public DemoModuleData(PluginRuntime runtime, BureauModules bureauModules) {
        this.runtime = runtime;
        this.bureauModules = bureauModules;
    }

    /** Imports the demo files of {@code moduleId} for every bureau that enables it. */
    public List<Loaded> load(String moduleId, List<BureauDefinitionFiles.Entry> bureaus) {
        List<Loaded> loaded = new ArrayList<>();
        String prefix = moduleId + "/";
        for (BureauDefinitionFiles.Entry entry : bureaus) {
            if (!entry.valid()) {
                continue;
            }
            String code = entry.definition().code();
            List<Map.Entry<String, byte[]>> files = entry.demoFiles().entrySet().stream()
                    .filter(f -> f.getKey().startsWith(prefix) && !f.getKey().endsWith(".md"))
                    .sorted(Map.Entry.comparingByKey()).toList();
            if (files.isEmpty() || !bureauModules.isEnabled(code, moduleId)) {
                continue;
            }
            Optional<RunningModule> module = runtime.running(moduleId).or(() -> runtime.awaitRunning(moduleId, START_WAIT));
            if (module.isEmpty()) {
                LOG.warn("Demo: module {} is not running; no demo figures for {}", moduleId, code);
                continue;
            }
            BureauRef bureau = bureauModules.bureau(code);
            for (Map.Entry<String, byte[]> file : files) {
                loaded.add(importOne(module.get(), bureau, file.getKey().substring(prefix.length()), file.getValue()));
            }
        }
        return loaded;
    }

    private static Loaded importOne(RunningModule module, BureauRef bureau, String fileName, byte[] content) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Optional<Importer> importer = module.importers().stream()
                .filter(i -> base.equals(i.name()) || base.startsWith(i.name() + "-")).findFirst();
        if (importer.isEmpty()) {
            LOG.warn("Demo: {} of {} names no importer of module {}", fileName, bureau.code(), module.id());
            return new Loaded(bureau.code(), fileName, null, "no importer");
        }
        HostModuleRequest request = new HostModuleRequest(bureau, SYSTEM, Locale.SIMPLIFIED_CHINESE, Map.of(), Map.of(), "",
                text -> Map.of());
        try {
            Importer.Outcome outcome = module.call(() -> {
                try (InputStream in = new ByteArrayInputStream(content)) {
                    return importer.get().handler().importFile(request, fileName, in);
                }
            });
            if (outcome.problems().isEmpty()) {
                LOG.info("Demo: {} of {} imported into {}: {} rows", fileName, bureau.code(), module.id(), outcome.accepted());
            } else {
                LOG.warn("Demo: {} of {} imported into {} with {} problems, first: {}", fileName, bureau.code(),
                        module.id(), outcome.problems().size(), outcome.problems().get(0));
            }
            return new Loaded(bureau.code(), fileName, outcome, null);
        } catch (RuntimeException e) {
            LOG.warn("Demo: {} of {} refused by {}: {}", fileName, bureau.code(), module.id(), e.getMessage());
            return new Loaded(bureau.code(), fileName, null, String.valueOf(e.getMessage()));
        }
    }
}
