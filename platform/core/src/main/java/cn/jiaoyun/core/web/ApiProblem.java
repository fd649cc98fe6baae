package cn.jiaoyun.core.web;

import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal to be shown to the caller: an HTTP status and a message key with arguments, rendered
 * in the caller's language. Thrown by services; never carries internal details.
 */
public class ApiProblem extends RuntimeException {

    /** One field that is wrong, named as the caller sent it. */
    public record FieldError(String field, String messageKey, Object... args) {
    }

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldError> fieldErrors;
    private Long retryAfterSeconds;
    private final Map<String, String> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ApiProblem(HttpStatus status, List<FieldError> fieldErrors, String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** Not found (or not the caller's): {@code entity} names the kind, e.g. "user" for entity.user. */
    public static ApiProblem notFound(String entity, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "problem.not-found.detail", new Messages.Key("entity." + entity), String.valueOf(id));
    }

    public static ApiProblem badField(String field, String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, List.of(new FieldError(field, messageKey, args)),
                "problem.invalid.detail");
    }

    public ApiProblem retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** An extension member of the problem document, e.g. {@code incident}: a reference, never internal details. */
    public ApiProblem with(String name, String value) {
        this.properties.put(name, value);
        return this;
    }

    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public String detail(Locale locale) {
        return Messages.text(locale, messageKey, args);
    }

    /** One field's message in the given language. */
    public static String message(FieldError error, Locale locale) {
        return Messages.text(locale, error.messageKey(), error.args());
    }

    /** The detail followed by every wrong field, as people read it in an error line. */
    public String fullDetail(Locale locale) {
        if (fieldErrors.isEmpty()) {
            return detail(locale);
        }
        StringBuilder sb = new StringBuilder(detail(locale)).append(' ');
        for (int i = 0; i < fieldErrors.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(fieldErrors.get(i).field()).append(": ").append(message(fieldErrors.get(i), locale));
        }
        return sb.toString();
    }
}
