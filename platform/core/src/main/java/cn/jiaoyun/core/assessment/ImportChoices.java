package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the administrator chose for the unit and department names an import does not know:
 * create every one ({@code createMissing}), create the names listed ({@code create}), or map a
 * written name to an existing unit or department by its id ({@code aliases}; the id of a unit
 * where the name is used as a unit, of a department where it is used as a department), which the
 * bureau then remembers as an alias. Names are compared as imports compare them.
 */
public record ImportChoices(boolean createMissing, Set<String> create, Map<String, Long> aliases) {

    public static final ImportChoices NONE = new ImportChoices(false, Set.of(), Map.of());

    public ImportChoices {
        create = Set.copyOf(create);
        aliases = Map.copyOf(aliases);
    }

    /**
     * Reads the multipart parts {@code createMissing} ({@code true}/{@code false}), {@code create}
     * (a JSON array of names) and {@code aliases} (a JSON object of name → id); a malformed part is
     * refused naming it.
     */
    public static ImportChoices parse(JsonMapper json, @Nullable String createMissing, @Nullable String create,
                                      @Nullable String aliases) {
        boolean all = false;
        if (createMissing != null && !createMissing.isBlank()) {
            String v = createMissing.strip();
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw ApiProblem.badField("createMissing", "import.choice.boolean");
            }
            all = v.equalsIgnoreCase("true");
        }
        Set<String> names = new LinkedHashSet<>();
        if (create != null && !create.isBlank()) {
            List<Object> list = read(json, "create", create, Argument.listOf(Object.class));
            for (Object o : list) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw ApiProblem.badField("create", "import.choice.json", create, "[\"名称\", …]");
                }
                names.add(s.strip());
            }
        }
        Map<String, Long> mapped = new LinkedHashMap<>();
        if (aliases != null && !aliases.isBlank()) {
            Map<String, Object> map = read(json, "aliases", aliases, Argument.mapOf(String.class, Object.class));
            for (Map.Entry<String, Object> e : map.entrySet()) {
                Long id = id(e.getValue());
                if (e.getKey().isBlank() || id == null) {
                    throw ApiProblem.badField("aliases", "import.choice.json", aliases, "{\"名称\": id}");
                }
                mapped.put(e.getKey().strip(), id);
            }
        }
        return new ImportChoices(all, names, mapped);
    }

    private static <T> T read(JsonMapper json, String part, String text, Argument<T> type) {
        try {
            T value = json.readValue(text, type);
            if (value == null) {
                throw new IOException("null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.badField(part, "import.choice.json", text, type.getType() == List.class
                    ? "[\"名称\", …]" : "{\"名称\": id}");
        }
    }

    private static Long id(Object v) {
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            try {
                return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof String s && s.strip().matches("[0-9]{1,18}")) {
            return Long.valueOf(s.strip());
        }
        return null;
    }
}
