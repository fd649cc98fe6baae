package cn.jiaoyun.core.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns an {@link ApiProblem} thrown anywhere below a controller into its problem response. */
@Produces
@Singleton
@Requires(classes = {ApiProblem.class, ExceptionHandler.class})
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiProblem exception) {
        return Problems.response(request, exception);
    }
}
