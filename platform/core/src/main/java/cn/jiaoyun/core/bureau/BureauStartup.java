package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.demo.DemoAccounts;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * At start, before the server answers: provisions every bureau defined under
 * {@code jiaoyun.tenants.directory} and, with demo data enabled, the demo accounts. A file that
 * cannot be read is reported by name and skipped; the bureau it defines keeps its last state.
 */
@Singleton
public class BureauStartup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BureauStartup.class);

    private final BureauProvisioner provisioner;
    private final DemoAccounts demo;
    private final cn.jiaoyun.core.demo.DemoWorkLists demoWorkLists;
    private final cn.jiaoyun.core.demo.DemoFigures demoFigures;
    private final cn.jiaoyun.core.projects.DemoKeyProjects demoKeyProjects;
    private final boolean demoKeyProjectsEnabled;
    private final boolean demoWorkListsEnabled;
    private final boolean demoFiguresEnabled;
    private final Path directory;
    private final boolean demoEnabled;
    private final String demoPassword;
    private volatile List<BureauDefinitionFiles.Entry> lastRead = List.of();

    public BureauStartup(BureauProvisioner provisioner, DemoAccounts demo,
                         cn.jiaoyun.core.demo.DemoWorkLists demoWorkLists,
                         cn.jiaoyun.core.demo.DemoFigures demoFigures,
                         cn.jiaoyun.core.projects.DemoKeyProjects demoKeyProjects,
                         @Value("${jiaoyun.demo.key-projects:true}") boolean demoKeyProjectsEnabled,
                         @Value("${jiaoyun.tenants.directory:tenants}") String directory,
                         @Value("${jiaoyun.demo.enabled:false}") boolean demoEnabled,
                         @Value("${jiaoyun.demo.work-lists:true}") boolean demoWorkListsEnabled,
                         @Value("${jiaoyun.demo.figures:true}") boolean demoFiguresEnabled,
                         @Nullable @Value("${jiaoyun.demo.password:}") String demoPassword) {
        this.provisioner = provisioner;
        this.demo = demo;
        this.demoWorkLists = demoWorkLists;
        this.demoFigures = demoFigures;
        this.demoKeyProjects = demoKeyProjects;
        this.demoKeyProjectsEnabled = demoKeyProjectsEnabled;
        this.demoWorkListsEnabled = demoWorkListsEnabled;
        this.demoFiguresEnabled = demoFiguresEnabled;
        this.directory = Path.of(directory);
        this.demoEnabled = demoEnabled;
        this.demoPassword = demoPassword;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        provisionAll();
    }

    /** Reads the definitions again and applies them; returns what each file did. */
    public List<BureauProvisioner.Result> provisionAll() {
        List<BureauDefinitionFiles.Entry> entries = BureauDefinitionFiles.read(directory);
        lastRead = entries;
        List<BureauProvisioner.Result> results = new java.util.ArrayList<>();
        for (BureauDefinitionFiles.Entry e : entries) {
            if (!e.valid()) {
                LOG.error("Bureau definition skipped: {}", e.error());
                continue;
            }
            BureauProvisioner.Result r = provisioner.apply(e.definition(), "system", e.source());
            results.add(r);
            if (r.changes() > 0) {
                LOG.info("Bureau {} {} from {} ({} changes)", r.code(), r.created() ? "created" : "updated",
                        e.source(), r.changes());
            }
        }
        if (demoEnabled) {
            if (demoPassword == null || demoPassword.isBlank()) {
                throw new IllegalStateException("Demo data is enabled but jiaoyun.demo.password is empty");
            }
            int changed = demo.ensurePlatformAdmin(demoPassword);
            for (BureauDefinitionFiles.Entry e : entries) {
                if (e.valid()) {
                    changed += demo.ensure(e.definition(), demoPassword);
                    if (demoWorkListsEnabled) {
                        demoWorkLists.ensure(e);
                    }
                    if (demoFiguresEnabled) {
                        demoFigures.ensure(e);
                    }
                    if (demoKeyProjectsEnabled) {
                        demoKeyProjects.ensure(e);
                    }
                }
            }
            changed += demo.ensureAnalysts(entries.stream().filter(BureauDefinitionFiles.Entry::valid)
                    .map(BureauDefinitionFiles.Entry::definition).toList(), demoPassword);
            if (changed > 0) {
                LOG.info("Demo accounts: {} created or reset", changed);
            }
        }
        return results;
    }

    /** The definitions read at the last provisioning, valid or not. */
    public List<BureauDefinitionFiles.Entry> lastRead() {
        return lastRead;
    }
}
