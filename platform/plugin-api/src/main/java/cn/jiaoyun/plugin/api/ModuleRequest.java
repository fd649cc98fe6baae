package cn.jiaoyun.plugin.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request to a module endpoint, already authenticated and bound to the caller's bureau. */
public interface ModuleRequest {

    BureauRef bureau();

    ModuleUser user();

    /** The caller's language: {@code zh_CN} unless the caller asked for English. */
    Locale locale();

    /** A path parameter named in the endpoint's path; present whenever the endpoint matched. */
    String pathParameter(String name);

    /** A query parameter's first value. */
    Optional<String> queryParameter(String name);

    /** The body as UTF-8 text; empty when there is none. */
    String body();

    /**
     * The body parsed as a JSON object: values are {@code String}, {@code BigDecimal},
     * {@code Boolean}, {@code null}, {@code List} and {@code Map}. A body that is not a JSON
     * object is answered with 400 before the handler sees it.
     */
    Map<String, Object> json();

    /** Chooses the Chinese or English text by {@link #locale()}. */
    default String text(String zh, String en) {
        return Locale.ENGLISH.getLanguage().equals(locale().getLanguage()) ? en : zh;
    }
}
