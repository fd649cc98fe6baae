package cn.jiaoyun.host;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Platform administrators install, upgrade, restart and remove modules on the running platform.
 * Every change is recorded in the platform audit log, refusals included.
 */
@Controller("/api/admin/plugins")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PLATFORM_ADMIN")
public class PluginAdminController {

    /**
     * A module as the administration page shows it.
     *
     * @param incidents the recent faults of its code seen by this node, newest first, with their details
     * @param routes    what it serves under {@code /api/modules/<id>} while it runs here
     */
    @Serdeable
    public record ModuleStatus(InstalledModule module, boolean servingHere, List<String> enabledBy,
                               List<Incident> incidents, List<Route> routes) {
    }

    /** An endpoint or importer ({@code POST /imports/<name>} with the file types it takes) of a module. */
    @Serdeable
    public record Route(String method, String path, List<String> roles, List<String> extensions) {
    }

    private final PluginInstaller installer;
    private final PluginStore store;
    private final PluginRuntime runtime;
    private final BureauModules bureauModules;
    private final PluginSettings settings;

    public PluginAdminController(PluginInstaller installer, PluginStore store, PluginRuntime runtime,
                                 BureauModules bureauModules, PluginSettings settings) {
        this.installer = installer;
        this.store = store;
        this.runtime = runtime;
        this.bureauModules = bureauModules;
        this.settings = settings;
    }

    @Get
    public List<ModuleStatus> list() {
        Map<String, List<String>> enabled = bureauModules.enabledByModule();
        return store.list().stream()
                .map(m -> status(m, enabled))
                .toList();
    }

    @Get("/{id}")
    public ModuleStatus one(@PathVariable String id) {
        InstalledModule m = store.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-installed", id));
        return status(m, bureauModules.enabledByModule());
    }

    private ModuleStatus status(InstalledModule m, Map<String, List<String>> enabled) {
        Optional<RunningModule> running = runtime.running(m.id());
        List<Route> routes = new ArrayList<>();
        running.ifPresent(r -> {
            r.endpoints().forEach(e -> routes.add(
                    new Route(e.method().name(), e.path(), sorted(e.roles()), List.of())));
            r.importers().forEach(i -> routes.add(new Route("POST", "/imports/" + i.name(), sorted(i.roles()),
                    sorted(i.extensions()))));
        });
        return new ModuleStatus(m, running.isPresent(), enabled.getOrDefault(m.id(), List.of()),
                runtime.incidents(m.id()), routes);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<InstalledModule> upload(Actor actor, @Nullable @Part("file") CompletedFileUpload file) {
        return HttpResponse.created(installer.install(name(file), bytes(file), actor.auditName()));
    }

    /** Upgrade by {@code PUT}, or by {@code POST} as an HTML form sends it. */
    @Put(value = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA)
    public InstalledModule upgrade(Actor actor, @PathVariable String id, @Nullable @Part("file") CompletedFileUpload file) {
        return installer.upgrade(id, name(file), bytes(file), actor.auditName());
    }

    @Post(value = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA)
    public InstalledModule upgradeByForm(Actor actor, @PathVariable String id, @Nullable @Part("file") CompletedFileUpload file) {
        return upgrade(actor, id, file);
    }

    @Post("/{id}/restart")
    public InstalledModule restart(Actor actor, @PathVariable String id) {
        return installer.restart(id, actor.auditName());
    }

    /** Uninstalls; the module's tables and data stay unless {@code purge=true}. */
    @Delete("/{id}")
    public HttpResponse<?> remove(Actor actor, @PathVariable String id, @QueryValue(defaultValue = "false") boolean purge) {
        installer.remove(id, purge, actor.auditName());
        return HttpResponse.noContent();
    }

    private static String name(CompletedFileUpload file) {
        if (file == null) {
            throw ApiProblem.badField("file", "problem.plugin.file-missing");
        }
        return file.getFilename();
    }

    private byte[] bytes(CompletedFileUpload file) {
        if (file.getSize() > settings.maxJarBytes()) {
            throw new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.plugin.too-large",
                    file.getFilename(), settings.maxJarBytes() / (1024 * 1024));
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) settings.maxJarBytes() + 1);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the upload: " + e.getMessage(), e);
        }
    }
}
