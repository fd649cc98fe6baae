package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything that defines a bureau: the facts of {@code tenants/<code>/tenant.yaml}, also the
 * body with which a platform administrator creates one. Built from a parsed YAML or JSON map by
 * {@link #from(Map)}, which names every wrong field.
 */
public record BureauDefinition(
        String code,
        String name,
        @Nullable String shortName,
        BureauLevel level,
        String regionCode,
        @Nullable String parentRegionCode,
        @Nullable String parentName,
        boolean synthetic,
        List<String> modules,
        List<UnitDefinition> units,
        List<DepartmentDefinition> departments,
        List<DemoUser> demoUsers) {

    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{1,39}";
    private static final String PART_CODE_PATTERN = "[a-z][a-z0-9-]{0,39}";

    public record UnitDefinition(String code, String name, @Nullable String shortName) {
    }

    public record DepartmentDefinition(String code, String name, @Nullable String shortName) {
    }

    /** A demo account created when the server runs with demo data. */
    public record DemoUser(String username, String displayName, List<Role> roles,
                           @Nullable String unit, @Nullable String department) {
    }

    /** Thrown with every wrong field of a definition. */
    public static final class InvalidDefinition extends RuntimeException {
        private final transient List<FieldError> errors;

        InvalidDefinition(List<FieldError> errors) {
            super(describe(errors), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        private static String describe(List<FieldError> errors) {
            StringBuilder sb = new StringBuilder();
            for (FieldError e : errors) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(e.field()).append(": ").append(cn.jiaoyun.core.web.Messages.text(Locale.ENGLISH, e.messageKey(), e.args()));
            }
            return sb.toString();
        }
    }

    /** Reads a definition from a YAML or JSON document's map, or throws naming each wrong field. */
    public static BureauDefinition from(Map<String, Object> map) {
        Reader r = new Reader();
        String code = r.text(map, "code", CODE_PATTERN, "field.code.pattern", true);
        String name = r.text(map, "name", null, null, true);
        String shortName = r.text(map, "shortName", null, null, false);
        BureauLevel level = null;
        String levelText = r.text(map, "level", null, null, true);
        if (levelText != null) {
            try {
                level = BureauLevel.valueOf(levelText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                r.errors.add(new FieldError("level", "field.level.unknown", levelText));
            }
        }
        String region = r.text(map, "regionCode", "[0-9]{6}", "field.region.pattern", true);
        String parentRegion = null;
        String parentName = null;
        Object parent = map.get("parent");
        if (parent instanceof Map<?, ?> p) {
            parentRegion = r.text(cast(p), "regionCode", "[0-9]{6}", "field.region.pattern", false, "parent.");
            parentName = r.text(cast(p), "name", null, null, false, "parent.");
        }
        boolean synthetic = Boolean.TRUE.equals(map.get("synthetic"));
        List<String> modules = new ArrayList<>();
        for (Object m : list(map.get("modules"))) {
            modules.add(String.valueOf(m).trim());
        }
        List<UnitDefinition> units = new ArrayList<>();
        Set<String> unitCodes = new HashSet<>();
        List<?> unitList = list(map.get("units"));
        for (int i = 0; i < unitList.size(); i++) {
            String prefix = "units[" + i + "].";
            Map<String, Object> u = unitList.get(i) instanceof Map<?, ?> m ? cast(m) : Map.of();
            String c = r.text(u, "code", PART_CODE_PATTERN, "field.code.pattern", true, prefix);
            if (c != null && !unitCodes.add(c)) {
                r.errors.add(new FieldError(prefix + "code", "field.duplicate", c));
            }
            units.add(new UnitDefinition(c, r.text(u, "name", null, null, true, prefix),
                    r.text(u, "shortName", null, null, false, prefix)));
        }
        List<DepartmentDefinition> departments = new ArrayList<>();
        Set<String> departmentCodes = new HashSet<>();
        List<?> depList = list(map.get("departments"));
        for (int i = 0; i < depList.size(); i++) {
            String prefix = "departments[" + i + "].";
            Map<String, Object> d = depList.get(i) instanceof Map<?, ?> m ? cast(m) : Map.of();
            String c = r.text(d, "code", PART_CODE_PATTERN, "field.code.pattern", true, prefix);
            if (c != null && !departmentCodes.add(c)) {
                r.errors.add(new FieldError(prefix + "code", "field.duplicate", c));
            }
            departments.add(new DepartmentDefinition(c, r.text(d, "name", null, null, true, prefix),
                    r.text(d, "shortName", null, null, false, prefix)));
        }
        List<DemoUser> demoUsers = new ArrayList<>();
        List<?> userList = list(map.get("demoUsers"));
        for (int i = 0; i < userList.size(); i++) {
            String prefix = "demoUsers[" + i + "].";
            Map<String, Object> u = userList.get(i) instanceof Map<?, ?> m ? cast(m) : Map.of();
            String username = r.text(u, "username", "[a-z0-9][a-z0-9._-]{1,39}", "field.username.pattern", true, prefix);
            String displayName = r.text(u, "displayName", null, null, true, prefix);
            List<Role> roles = new ArrayList<>();
            for (Object roleText : list(u.get("roles"))) {
                Role role = Role.parse(String.valueOf(roleText));
                if (role == null) {
                    r.errors.add(new FieldError(prefix + "roles", "field.role.unknown", roleText));
                } else if (!role.isBureauRole()) {
                    r.errors.add(new FieldError(prefix + "roles", "field.role.not-bureau", roleText));
                } else {
                    roles.add(role);
                }
            }
            String unit = r.text(u, "unit", null, null, false, prefix);
            if (unit != null && !unitCodes.contains(unit)) {
                r.errors.add(new FieldError(prefix + "unit", "field.unit.unknown", unit));
            }
            String department = r.text(u, "department", null, null, false, prefix);
            if (department != null && !departmentCodes.contains(department)) {
                r.errors.add(new FieldError(prefix + "department", "field.department.unknown", department));
            }
            demoUsers.add(new DemoUser(username, displayName, List.copyOf(roles), unit, department));
        }
        if (!r.errors.isEmpty()) {
            throw new InvalidDefinition(r.errors);
        }
        return new BureauDefinition(code, name, shortName, level, region, parentRegion, parentName, synthetic,
                List.copyOf(modules), List.copyOf(units), List.copyOf(departments), List.copyOf(demoUsers));
    }

    /** The registry row this definition describes. */
    public Bureau toBureau() {
        return new Bureau(code, name, shortName, level, regionCode, parentRegionCode, parentName, synthetic,
                Bureau.ACTIVE);
    }

    private static final class Reader {
        final List<FieldError> errors = new ArrayList<>();

        String text(Map<String, Object> map, String key, String pattern, String patternKey, boolean required) {
            return text(map, key, pattern, patternKey, required, "");
        }

        String text(Map<String, Object> map, String key, String pattern, String patternKey, boolean required,
                    String prefix) {
            Object v = map.get(key);
            String s = v == null ? null : String.valueOf(v).trim();
            if (s == null || s.isEmpty()) {
                if (required) {
                    errors.add(new FieldError(prefix + key, "field.required"));
                }
                return null;
            }
            if (pattern != null && !s.matches(pattern)) {
                errors.add(new FieldError(prefix + key, patternKey));
            }
            return s;
        }
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
