package cn.jiaoyun.host;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.Messages;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.HttpMethod;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleResponse;
import cn.jiaoyun.plugin.api.ModuleUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Serves the modules' endpoints under {@code /api/modules/<module-id>/…}. Before a module sees a
 * request the gateway has authenticated the caller, bound the caller's bureau, checked the bureau
 * enabled the module and the caller's roles; afterwards it turns the module's answer into JSON
 * and a module's exception into a problem: the caller's mistake a 4xx naming the field or file
 * ({@link CallerFault}), a fault of the module's code a 500 with an incident id only.
 */
@Controller("/api/modules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ModuleGateway {

    private static final Duration UPGRADE_WAIT = Duration.ofSeconds(10);

    private final PluginRuntime runtime;
    private final PluginStore store;
    private final BureauModules bureauModules;
    private final JsonMapper json;
    private final PluginSettings settings;

    public ModuleGateway(PluginRuntime runtime, PluginStore store, BureauModules bureauModules, JsonMapper json,
                         PluginSettings settings) {
        this.settings = settings;
        this.runtime = runtime;
        this.store = store;
        this.bureauModules = bureauModules;
        this.json = json;
    }

    @Get("/{moduleId}/{+path}")
    public HttpResponse<?> get(Actor actor, HttpRequest<?> request, @PathVariable String moduleId,
                               @PathVariable @Nullable String path) {
        return serve(actor, request, moduleId, HttpMethod.GET, path, null);
    }

    @Post(value = "/{moduleId}/{+path}", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<?> post(Actor actor, HttpRequest<?> request, @PathVariable String moduleId,
                                @PathVariable @Nullable String path, @Body @Nullable byte[] body) {
        return serve(actor, request, moduleId, HttpMethod.POST, path, body);
    }

    @Put(value = "/{moduleId}/{+path}", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<?> put(Actor actor, HttpRequest<?> request, @PathVariable String moduleId,
                               @PathVariable @Nullable String path, @Body @Nullable byte[] body) {
        return serve(actor, request, moduleId, HttpMethod.PUT, path, body);
    }

    @Delete("/{moduleId}/{+path}")
    public HttpResponse<?> delete(Actor actor, HttpRequest<?> request, @PathVariable String moduleId,
                                  @PathVariable @Nullable String path) {
        return serve(actor, request, moduleId, HttpMethod.DELETE, path, null);
    }

    @Post(value = "/{moduleId}/imports/{name}", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> importFile(Actor actor, HttpRequest<?> request, @PathVariable String moduleId,
                                      @PathVariable String name, @Nullable @Part("file") CompletedFileUpload file) {
        Locale locale = Messages.localeOf(request);
        RunningModule module = enter(actor, moduleId);
        return answer(module, locale, m -> {
            Importer importer = m.importers().stream().filter(i -> i.name().equals(name)).findFirst()
                    .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.no-endpoint", moduleId,
                            "POST", "/imports/" + name));
            requireRole(actor, importer.roles());
            if (file == null) {
                throw ApiProblem.badField("file", "problem.plugin.file-missing");
            }
            String fileName = file.getFilename();
            int dot = fileName.lastIndexOf('.');
            String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!importer.extensions().isEmpty() && !importer.extensions().contains(extension)) {
                throw ApiProblem.badField("file", "problem.plugin.import-extension", fileName,
                        importer.extensions().stream().sorted().collect(Collectors.joining(", ")));
            }
            HostModuleRequest moduleRequest = request(actor, request, locale, Map.of(), new byte[0]);
            return new Call(CallerFault.Input.FILE, fileName, () -> {
                try (InputStream in = file.getInputStream()) {
                    return ModuleResponse.ok(importer.handler().importFile(moduleRequest, fileName, in));
                }
            });
        });
    }

    private HttpResponse<?> serve(Actor actor, HttpRequest<?> request, String moduleId, HttpMethod method,
                                  @Nullable String path, @Nullable byte[] body) {
        Locale locale = Messages.localeOf(request);
        RunningModule module = enter(actor, moduleId);
        String p = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
        return answer(module, locale, m -> {
            for (Endpoint e : m.endpoints()) {
                Map<String, String> parameters = e.method() == method ? PathTemplate.match(e.path(), p) : null;
                if (parameters != null) {
                    requireRole(actor, e.roles());
                    HostModuleRequest moduleRequest = request(actor, request, locale, parameters,
                            body == null ? new byte[0] : body);
                    CallerFault.Input input = method == HttpMethod.POST || method == HttpMethod.PUT
                            ? CallerFault.Input.BODY : CallerFault.Input.NONE;
                    return new Call(input, null, () -> e.handler().handle(moduleRequest));
                }
            }
            throw new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.no-endpoint", moduleId, method.name(), p);
        });
    }

    /** The caller's bureau must have the module enabled, and the module must serve here. */
    private RunningModule enter(Actor actor, String moduleId) {
        String bureau = actor.bureau();
        Optional<InstalledModule> installed = store.find(moduleId);
        if (installed.isEmpty() || installed.get().state() == InstalledModule.State.REMOVED) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-installed", moduleId);
        }
        if (!bureauModules.isEnabled(bureau, moduleId)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-enabled", moduleId);
        }
        if (installed.get().state() == InstalledModule.State.FAILED) {
            String reason = installed.get().failureReason();
            ApiProblem out = unavailable(moduleId);
            // out for its faults: back by itself after the cool-down, which the caller may wait for
            throw reason != null && reason.startsWith(PluginRuntime.FAULTS)
                    ? out.retryAfter(settings.faultCoolDown().toSeconds()) : out;
        }
        return runtime.running(moduleId).or(() -> runtime.awaitRunning(moduleId, UPGRADE_WAIT))
                .orElseThrow(() -> unavailable(moduleId));
    }

    /** Out of service: the reason is for the platform administrator, never for a bureau. */
    private static ApiProblem unavailable(String moduleId) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.plugin.unavailable", moduleId);
    }

    /** A fault of the module's code: the caller gets the incident's id, the details are logged. */
    private static ApiProblem incident(String moduleId, String incident) {
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.plugin.incident", moduleId, incident)
                .with("incident", incident);
    }

    private static void requireRole(Actor actor, java.util.Set<String> roles) {
        if (!roles.isEmpty() && actor.roles().stream().noneMatch(r -> roles.contains(r.name()))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.plugin.forbidden-role");
        }
    }

    private HostModuleRequest request(Actor actor, HttpRequest<?> request, Locale locale,
                                      Map<String, String> parameters, byte[] body) {
        BureauRef bureau = bureauModules.bureau(actor.bureau());
        ModuleUser user = new ModuleUser(actor.userId() == null ? 0 : actor.userId(), actor.username(),
                actor.displayName(), actor.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        String text = new String(body, StandardCharsets.UTF_8);
        // a JSON body is checked before the module sees it, whether or not its handler reads it
        boolean json = request.getContentType().map(t -> t.getSubtype().endsWith("json")).orElse(false);
        Map<String, Object> parsed = json && !text.isBlank() ? parseObject(text) : null;
        return new HostModuleRequest(bureau, user, locale, parameters, request.getParameters().asMap(), text,
                parsed == null ? this::parseObject : t -> parsed);
    }

    private Map<String, Object> parseObject(String text) {
        if (text.isBlank()) {
            throw ApiProblem.badField("body", "problem.plugin.json.empty");
        }
        Object value;
        try {
            value = json.readValue(text, Object.class);
        } catch (IOException | RuntimeException e) {
            throw JsonBodies.syntax(e);
        }
        return JsonBodies.object(value);
    }

    /** Finds what to call in one running version of the module (routing happens per version). */
    @FunctionalInterface
    private interface Route {
        Call in(RunningModule module);
    }

    /** The work of one call and what the request gave it. */
    private record Call(CallerFault.Input input, @Nullable String fileName,
                        RunningModule.ModuleCall<ModuleResponse> work) {
        ModuleResponse on(RunningModule module) {
            return module.call(input, fileName, work);
        }
    }

    private HttpResponse<?> answer(RunningModule module, Locale locale, Route route) {
        ModuleResponse response;
        try {
            try {
                response = route.in(module).on(module);
            } catch (RunningModule.ModuleStopped stopped) {
                // stopped before the call began (an upgrade swapping versions): the new version answers
                RunningModule next = runtime.awaitRunning(module.id(), UPGRADE_WAIT).orElseThrow(() -> stopped);
                module = next;
                response = route.in(next).on(next);
            }
        } catch (RunningModule.ModuleFailure f) {
            throw incident(module.id(), f.incident());
        } catch (RunningModule.ModuleStopped s) {
            throw unavailable(module.id());
        }
        if (response == null) {
            throw incident(module.id(), module.fail(new IllegalStateException("The module answered null")));
        }
        MutableHttpResponse<Object> out = HttpResponse.status(HttpStatus.valueOf(response.status()));
        if (response.isFile()) {
            String name = response.fileName() == null ? "download" : response.fileName();
            return out.contentType(response.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : response.contentType())
                    .header("Content-Disposition", "attachment; filename*=UTF-8''"
                            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                    .body(response.bytes());
        }
        if (response.body() == null) {
            return out;
        }
        Object plain;
        try {
            plain = JsonValues.plain(response.body());
        } catch (IllegalArgumentException e) {
            throw incident(module.id(), module.fail(e));
        }
        return out.contentType(MediaType.APPLICATION_JSON_TYPE).body(plain);
    }
}
