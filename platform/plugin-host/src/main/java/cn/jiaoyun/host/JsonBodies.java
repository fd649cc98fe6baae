package cn.jiaoyun.host;

import cn.jiaoyun.core.web.ApiProblem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request body before a module sees it: a JSON object whose texts hold no NUL character
 * and whose numbers a double can hold (RFC 8259's interoperable range). Every refusal is a 400
 * naming the field ({@code body} for the whole, {@code sites[2].code} for a value inside it).
 */
final class JsonBodies {

    /** Exponents beyond a double's ({@code 1e400}) are refused rather than carried into a module. */
    private static final int MAX_EXPONENT = 308;
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private JsonBodies() {
    }

    /** The refusal of a body the JSON reader could not read: where, never the reader's words. */
    static ApiProblem syntax(Exception e) {
        Matcher at = LOCATION.matcher(String.valueOf(e.getMessage()));
        return at.find()
                ? ApiProblem.badField("body", "problem.plugin.json.syntax-at", at.group(1), at.group(2))
                : ApiProblem.badField("body", "problem.plugin.json.syntax");
    }

    /** The body as an object, each value checked; refused when it is anything else. */
    static Map<String, Object> object(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiProblem.badField("body", "problem.plugin.json.not-object", kind(value));
        }
        check(value, "");
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    private static void check(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String field = path.isEmpty() ? key : path + "." + key;
                if (key.indexOf('\0') >= 0) {
                    throw ApiProblem.badField(path.isEmpty() ? "body" : path, "problem.plugin.json.nul");
                }
                check(e.getValue(), field);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), (path.isEmpty() ? "body" : path) + "[" + i + "]");
            }
        } else if (value instanceof String text) {
            if (text.indexOf('\0') >= 0) {
                throw ApiProblem.badField(field(path), "problem.plugin.json.nul");
            }
        } else if (value instanceof Number number && !representable(number)) {
            throw ApiProblem.badField(field(path), "problem.plugin.json.number-range");
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "body" : path;
    }

    static boolean representable(Number number) {
        if (number instanceof Double d) {
            return Double.isFinite(d);
        }
        if (number instanceof Float f) {
            return Float.isFinite(f);
        }
        if (number instanceof BigInteger i) {
            return i.abs().bitLength() <= 1024;
        }
        if (number instanceof BigDecimal d) {
            if (d.signum() == 0) {
                return true;
            }
            long exponent = (long) d.precision() - d.scale() - 1;
            return exponent <= MAX_EXPONENT && exponent >= -MAX_EXPONENT;
        }
        return true;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?>) {
            return "[…]";
        }
        if (value instanceof String) {
            return "\"…\"";
        }
        if (value instanceof Number) {
            return "123";
        }
        return value instanceof Boolean ? "true/false" : "?";
    }
}
