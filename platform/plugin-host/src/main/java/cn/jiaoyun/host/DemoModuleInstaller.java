package cn.jiaoyun.host;

import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import cn.jiaoyun.core.bureau.BureauStartup;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * In demo mode, installs the module jars the build produced ({@code plugins/<id>/target/*.jar}
 * below the working directory, or {@code jiaoyun.demo.modules-dir}) that are not installed yet,
 * through the same checks as an upload, so that the demo bureaus' modules (listed in their
 * {@code tenant.yaml}) serve at once, then feeds each bureau's demo figures for a module it has
 * just installed ({@link DemoModuleData}). A jar that is refused is logged and skipped. It runs
 * after the bureaus are provisioned (last among the startup listeners), so that they exist and
 * have their modules switched on.
 */
@Singleton
@Requires(property = "jiaoyun.demo.enabled", value = "true")
public class DemoModuleInstaller implements ApplicationEventListener<StartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(DemoModuleInstaller.class);

    private final PluginInstaller installer;
    private final PluginStore store;
    private final DemoModuleData demoData;
    private final BureauStartup bureaus;
    private final Path directory;
    private final boolean enabled;

    public DemoModuleInstaller(PluginInstaller installer, PluginStore store, DemoModuleData demoData,
                               BureauStartup bureaus,
                               @Value("${jiaoyun.demo.modules-dir:plugins}") String directory,
                               @Value("${jiaoyun.demo.modules:true}") boolean enabled) {
        this.installer = installer;
        this.store = store;
        this.demoData = demoData;
        this.bureaus = bureaus;
        this.directory = Path.of(directory);
        this.enabled = enabled;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!enabled || !Files.isDirectory(directory)) {
            return;
        }
        for (Path jar : jars()) {
            try {
                byte[] bytes = Files.readAllBytes(jar);
                String id = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(bytes))
                        .getManifest().getMainAttributes().getValue("Plugin-Id");
                if (id == null || store.find(id).filter(m -> m.state() != InstalledModule.State.REMOVED).isPresent()) {
                    continue;
                }
                InstalledModule m = installer.install(jar.getFileName().toString(), bytes, "demo");
                LOG.info("Demo: installed module {} {} from {}", m.id(), m.version(), jar);
                demoData.load(m.id(), bureaus.lastRead());
            } catch (ApiProblem refused) {
                LOG.warn("Demo: module {} refused: {}", jar, refused.fullDetail(Messages.CHINESE));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Demo: cannot install module {}: {}", jar, e.toString());
            }
        }
    }

    private List<Path> jars() {
        try (Stream<Path> modules = Files.list(directory)) {
            return modules.map(m -> m.resolve("target")).filter(Files::isDirectory)
                    .flatMap(DemoModuleInstaller::moduleJars).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Demo: cannot list {}: {}", directory, e.toString());
            return List.of();
        }
    }

    private static Stream<Path> moduleJars(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("jiaoyun-plugin-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-sources.jar"))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
