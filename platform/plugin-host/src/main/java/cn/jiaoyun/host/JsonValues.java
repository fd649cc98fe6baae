package cn.jiaoyun.host;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a module answers into plain maps, lists, strings, numbers and booleans, which the
 * platform's JSON writer handles without knowing the module's classes. Records become objects
 * (components in declaration order), enums their names, {@code java.time} values ISO-8601.
 */
final class JsonValues {

    private static final int MAX_DEPTH = 32;

    private JsonValues() {
    }

    static Object plain(Object value) {
        return plain(value, 0);
    }

    private static Object plain(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("The answer is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal || value instanceof BigInteger
                || value instanceof Double || value instanceof Float || value instanceof Short) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.UUID || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v, depth + 1)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(plain(item, depth + 1));
            }
            return out;
        }
        if (value instanceof Object[] array) {
            return plain(List.of(array), depth);
        }
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    out.put(c.getName(), plain(c.getAccessor().invoke(record), depth + 1));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("Cannot read " + c.getName() + " of " + record.getClass().getName(), e);
                }
            }
            return out;
        }
        throw new IllegalArgumentException("Cannot write a " + value.getClass().getName()
                + " as JSON: answer with records, maps, lists, strings, numbers or booleans");
    }
}
