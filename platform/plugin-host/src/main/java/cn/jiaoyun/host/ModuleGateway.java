package cn.jiaoyun.host;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.Messages;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.HttpMethod;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleProblem;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Serves the modules' endpoints under {@code /api/modules/<module-id>/…}. Before a module sees a
 * request the gateway has authenticated the caller, bound the caller's bureau, checked the bureau
 * enabled the module and the caller's roles; afterwards it turns the module's answer into JSON
 * and a module's exception into a problem (and, when it is the module's fault, a FAILED module).
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

    public ModuleGateway(PluginRuntime runtime, PluginStore store, BureauModules bureauModules, JsonMapper json) {
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
            return () -> {
                try (InputStream in = file.getInputStream()) {
                    return ModuleResponse.ok(importer.handler().importFile(moduleRequest, fileName, in));
                }
            };
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
                    return () -> e.handler().handle(moduleRequest);
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
            throw failed(moduleId, installed.get().failureReason());
        }
        return runtime.running(moduleId).or(() -> runtime.awaitRunning(moduleId, UPGRADE_WAIT))
                .orElseThrow(() -> failed(moduleId, store.find(moduleId).map(InstalledModule::failureReason).orElse(null)));
    }

    private static ApiProblem failed(String moduleId, @Nullable String reason) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.plugin.failed", moduleId,
                reason == null ? "starting" : reason);
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
        return new HostModuleRequest(bureau, user, locale, parameters, request.getParameters().asMap(),
                new String(body, StandardCharsets.UTF_8), this::parseObject);
    }

    private Map<String, Object> parseObject(String text) {
        if (text.isBlank()) {
            throw ApiProblem.badField("body", "problem.plugin.bad-json", "empty");
        }
        try {
            Object value = json.readValue(text, Object.class);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            throw ApiProblem.badField("body", "problem.plugin.bad-json", "not an object");
        } catch (IOException e) {
            throw ApiProblem.badField("body", "problem.plugin.bad-json", e.getMessage());
        }
    }

    /** Finds what to call in one running version of the module (routing happens per version). */
    @FunctionalInterface
    private interface Route {
        RunningModule.ModuleCall<ModuleResponse> in(RunningModule module);
    }

    private HttpResponse<?> answer(RunningModule module, Locale locale, Route route) {
        ModuleResponse response;
        try {
            try {
                response = module.call(route.in(module));
            } catch (RunningModule.ModuleStopped stopped) {
                // stopped before the call began (an upgrade swapping versions): the new version answers
                RunningModule next = runtime.awaitRunning(module.id(), UPGRADE_WAIT).orElseThrow(() -> stopped);
                module = next;
                response = next.call(route.in(next));
            }
        } catch (ModuleProblem p) {
            Messages.Bilingual text = new Messages.Bilingual(p.messageZh(), p.messageEn());
            throw p.field() == null
                    ? new ApiProblem(HttpStatus.valueOf(p.status()), "problem.plugin.module-says", text)
                    : new ApiProblem(HttpStatus.valueOf(p.status()),
                        List.of(new ApiProblem.FieldError(p.field(), "problem.plugin.module-says", text)),
                        "problem.plugin.module-says", text);
        } catch (RunningModule.ModuleFailure f) {
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.plugin.handler-failed", module.id(), f.getMessage());
        } catch (RunningModule.ModuleStopped s) {
            throw failed(module.id(), null);
        }
        if (response == null) {
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.plugin.handler-failed", module.id(), "no response");
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
            module.fail(e);
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.plugin.handler-failed", module.id(), e.getMessage());
        }
        return out.contentType(MediaType.APPLICATION_JSON_TYPE).body(plain);
    }
}
