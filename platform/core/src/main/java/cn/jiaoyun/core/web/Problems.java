package cn.jiaoyun.core.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds RFC 9457 problem documents. */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    static Map<String, Object> body(HttpRequest<?> request, int status, String detail,
                                    List<Map<String, String>> errors) {
        Locale locale = Messages.localeOf(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Messages.text(locale, "problem.status." + status));
        body.put("status", status);
        body.put("detail", detail);
        if (request != null) {
            body.put("instance", request.getPath());
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    private static Map<String, Object> withProperties(Map<String, Object> body, ApiProblem problem) {
        problem.properties().forEach(body::putIfAbsent);
        return body;
    }

    static MutableHttpResponse<Map<String, Object>> response(HttpRequest<?> request, ApiProblem problem) {
        Locale locale = Messages.localeOf(request);
        List<Map<String, String>> errors = problem.fieldErrors().stream()
                .map(e -> Map.of("field", e.field(), "message", ApiProblem.message(e, locale)))
                .toList();
        String detail = problem.fullDetail(locale);
        MutableHttpResponse<Map<String, Object>> r = HttpResponse
                .<Map<String, Object>>status(HttpStatus.valueOf(problem.status().getCode()))
                .body(withProperties(body(request, problem.status().getCode(), detail, errors), problem))
                .contentType(PROBLEM_JSON);
        if (problem.retryAfterSeconds() != null) {
            r.header("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
        return r;
    }
}
