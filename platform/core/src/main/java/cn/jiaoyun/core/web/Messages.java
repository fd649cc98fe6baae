package cn.jiaoyun.core.web;

import io.micronaut.http.HttpRequest;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts for people, from the {@code i18n/messages} bundles: Chinese by default, English on request. */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** An argument that is itself a message key, rendered in the same language. */
    public record Key(String key) {
    }

    /** An argument already written in both languages (e.g. a parser's message naming a line). */
    public record Bilingual(String chinese, String english) {
    }

    private Messages() {
    }

    /** zh-CN unless the request's Accept-Language prefers English. */
    public static Locale localeOf(HttpRequest<?> request) {
        if (request == null) {
            return CHINESE;
        }
        String header = request.getHeaders().get("Accept-Language");
        if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return CHINESE;
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Key k) {
                rendered[i] = text(locale, k.key());
            } else if (args[i] instanceof Bilingual b) {
                rendered[i] = "en".equals(locale.getLanguage()) ? b.english() : b.chinese();
            } else {
                rendered[i] = args[i];
            }
        }
        return new MessageFormat(pattern, locale).format(rendered);
    }
}
