package cn.jiaoyun.plugin.api;

import java.util.Objects;
import java.util.Set;

/**
 * A REST endpoint of a module. The host mounts it at {@code /api/modules/<module-id><path>} and
 * calls the handler only after it has authenticated the caller, found the caller's bureau,
 * checked that the bureau has the module enabled and that the caller holds one of
 * {@link #roles()} (any bureau role when empty).
 *
 * @param path a path starting with {@code /}; segments in braces are parameters, e.g. {@code /cases/{id}}
 */
public record Endpoint(HttpMethod method, String path, Set<String> roles, Handler handler) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.matches("(/(\\{[a-zA-Z][a-zA-Z0-9]*}|[a-zA-Z0-9][a-zA-Z0-9._-]*))*/?")) {
            throw new IllegalArgumentException("Endpoint path '" + path + "' must look like /cases/{id}");
        }
        roles = Set.copyOf(roles);
    }

    public static Endpoint get(String path, Handler handler) {
        return new Endpoint(HttpMethod.GET, path, Set.of(), handler);
    }

    public static Endpoint post(String path, Handler handler) {
        return new Endpoint(HttpMethod.POST, path, Set.of(), handler);
    }

    public static Endpoint put(String path, Handler handler) {
        return new Endpoint(HttpMethod.PUT, path, Set.of(), handler);
    }

    public static Endpoint delete(String path, Handler handler) {
        return new Endpoint(HttpMethod.DELETE, path, Set.of(), handler);
    }

    /** The same endpoint, open only to callers holding one of {@code allowed}. */
    public Endpoint forRoles(String... allowed) {
        return new Endpoint(method, path, Set.of(allowed), handler);
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Throw {@link ModuleProblem} for the caller's mistakes (400, 404, 409 …); any other
         * exception is the module's fault: the request gets 500 and the module is marked FAILED.
         */
        ModuleResponse handle(ModuleRequest request) throws Exception;
    }
}
