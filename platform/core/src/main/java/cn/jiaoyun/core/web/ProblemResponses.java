package cn.jiaoyun.core.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/** The problem response of an {@link ApiProblem}, for filters that answer before a controller. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Map<String, Object>> of(HttpRequest<?> request, ApiProblem problem) {
        return Problems.response(request, problem);
    }
}
