package cn.jiaoyun.host;

import java.util.ArrayList;
import java.util.List;

/**
 * PF4J's {@code Plugin-Dependencies} header: comma-separated {@code id}, {@code id@>=1.2.0},
 * {@code id?} (optional).
 */
record PluginDependencies(String id, String versionExpression, boolean optional) {

    static List<PluginDependencies> parse(String header) {
        List<PluginDependencies> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String expression = "*";
            int at = p.indexOf('@');
            if (at >= 0) {
                expression = p.substring(at + 1).strip();
                p = p.substring(0, at).strip();
            }
            boolean optional = p.endsWith("?");
            if (optional) {
                p = p.substring(0, p.length() - 1);
            }
            out.add(new PluginDependencies(p, expression, optional));
        }
        return out;
    }
}
