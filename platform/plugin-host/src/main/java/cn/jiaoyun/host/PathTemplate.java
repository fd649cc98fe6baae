package cn.jiaoyun.host;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Matches a request path against an endpoint's template such as {@code /cases/{id}}. */
final class PathTemplate {

    private PathTemplate() {
    }

    /** The template's parameters bound from {@code path}, or null when it does not match. */
    static Map<String, String> match(String template, String path) {
        String[] t = trim(template).split("/", -1);
        String[] p = trim(path).split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                out.put(t[i].substring(1, t[i].length() - 1), URLDecoder.decode(p[i], StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return out;
    }

    private static String trim(String s) {
        String r = s.startsWith("/") ? s.substring(1) : s;
        return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }
}
