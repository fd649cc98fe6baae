package cn.jiaoyun.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders every error the framework produces (unreadable JSON, missing or invalid fields, an
 * oversized body, no such route, not logged in, not allowed, and unexpected failures) as
 * {@code application/problem+json} in the caller's language. Internal exception messages and
 * stack traces never reach the response.
 */
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                    MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        Locale locale = Messages.localeOf(request);
        int status = base.code();
        // a database that does not answer is a 503: the request may succeed later
        Throwable cause = context.getRootCause().orElse(null);
        List<Map<String, String>> errors = new ArrayList<>();
        String detail;
        if (status >= 500 && databaseUnreachable(cause)) {
            status = 503;
            base.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE);
            detail = Messages.text(locale, "problem.database.detail");
        } else if (status >= 500) {
            detail = Messages.text(locale, "problem.internal.detail");
        } else if (cause instanceof ConstraintViolationException cve) {
            cve.getConstraintViolations().forEach(v -> errors.add(Map.of(
                    "field", lastNode(v.getPropertyPath().toString()),
                    "message", constraintMessage(locale, v))));
            detail = Messages.text(locale, "problem.invalid.detail") + " "
                    + String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList());
        } else if (cause instanceof UnsatisfiedArgumentException || cause instanceof UnsatisfiedRouteException) {
            String name = cause instanceof UnsatisfiedArgumentException u
                    ? u.getArgument().getName() : ((UnsatisfiedRouteException) cause).getArgument().getName();
            errors.add(Map.of("field", name, "message", Messages.text(locale, "problem.field.required")));
            detail = Messages.text(locale, "problem.missing.detail", name);
        } else if (isUnreadableBody(cause)) {
            detail = Messages.text(locale, "problem.json.detail");
        } else if (status == 413) {
            detail = Messages.text(locale, "problem.too-large.detail");
        } else if (status == 401 || status == 403 || status == 404 || status == 405 || status == 415) {
            detail = Messages.text(locale, "problem.status." + status + ".detail");
        } else {
            detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                    .orElse(Messages.text(locale, "problem.status." + status));
        }
        return base.body(Problems.body(request, status, detail, errors)).contentType(Problems.PROBLEM_JSON);
    }

    /** Our own text for the constraints we use; the validator's (English) text otherwise. */
    private static String constraintMessage(Locale locale, jakarta.validation.ConstraintViolation<?> v) {
        String constraint = v.getConstraintDescriptor() == null ? ""
                : v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object max = v.getConstraintDescriptor() == null ? null
                : v.getConstraintDescriptor().getAttributes().get("max");
        String key = "constraint." + constraint;
        String text = Messages.text(locale, key, max == null ? "" : String.valueOf(max));
        return text.equals(key) ? v.getMessage() : text;
    }

    private static boolean databaseUnreachable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return true;
            }
            // 08: connection exceptions; 57P: the server shut down or terminated the connection
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreadableBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof ConversionErrorException
                    || t instanceof io.micronaut.http.codec.CodecException) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
