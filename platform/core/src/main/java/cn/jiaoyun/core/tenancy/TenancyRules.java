package cn.jiaoyun.core.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads PostgreSQL's catalog and reports every way the schema breaks DESIGN.md's tenancy rules.
 * A table with a {@code tenant_id} column is bureau-owned and must have: {@code tenant_id} not
 * null and checked non-empty; {@code tenant_id} leading its primary key, every unique index and
 * every foreign key; row-level security enabled and forced; exactly one SELECT policy, no
 * catch-all policy, and a policy for each of INSERT, UPDATE and DELETE; an owner other than the
 * application role. A table without {@code tenant_id} must be declared platform-owned. The
 * application role must be neither superuser nor BYPASSRLS nor a member of a table's owner.
 *
 * <p>The same rules make the schema distributable by Citus on {@code tenant_id}.
 */
public final class TenancyRules {

    /** Tables of the core schema that hold no bureau's data. */
    public static final Set<String> CORE_PLATFORM_TABLES = Set.of(
            "tenant", "platform_account", "platform_audit_event", "plugin_module", "indicator", "region_setting",
            "databasechangelog", "databasechangeloglock");

    private final String appRole;
    private final Set<String> platformTables;
    private final Set<String> referenceTables;

    public TenancyRules(String appRole, Set<String> platformTables) {
        this(appRole, platformTables, Set.of());
    }

    /**
     * @param referenceTables tables of shared reference data that plugin modules declared: no
     *                        {@code tenant_id}, and the application role may only read them
     */
    public TenancyRules(String appRole, Set<String> platformTables, Set<String> referenceTables) {
        this.appRole = appRole;
        this.platformTables = platformTables;
        this.referenceTables = referenceTables;
    }

    /** Every violation in schema {@code public}, as readable sentences; empty when all is well. */
    public List<String> violations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        checkRole(c, out);
        for (String table : tables(c)) {
            if (!hasColumn(c, table, "tenant_id")) {
                if (referenceTables.contains(table)) {
                    for (String write : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                        if (hasPrivilege(c, table, write)) {
                            out.add(table + ": is reference data, yet the application may " + write + " it");
                        }
                    }
                } else if (!platformTables.contains(table) && !table.matches("plugin_.*_changelog(lock)?")) {
                    out.add(table + ": has no tenant_id and is not a declared platform table");
                }
                continue;
            }
            checkTable(c, table, out);
        }
        return out;
    }

    /** The violations of the named tables only (a plugin's tables after its migration). */
    public List<String> violations(Connection c, Set<String> onlyTables) throws SQLException {
        return violations(c).stream()
                .filter(v -> onlyTables.stream().anyMatch(t -> v.startsWith(t + ":")))
                .toList();
    }

    private void checkRole(Connection c, List<String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select rolsuper, rolbypassrls from pg_roles where rolname = ?")) {
            ps.setString(1, appRole);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    out.add("role " + appRole + ": does not exist");
                    return;
                }
                if (rs.getBoolean(1)) {
                    out.add("role " + appRole + ": is a superuser");
                }
                if (rs.getBoolean(2)) {
                    out.add("role " + appRole + ": has BYPASSRLS");
                }
            }
        }
    }

    private void checkTable(Connection c, String table, List<String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner),
                       a.attnotnull,
                       pg_has_role(?, c.relowner, 'MEMBER')
                from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                where c.oid = ?::regclass""")) {
            ps.setString(1, appRole);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    out.add(table + ": row-level security is not enabled");
                }
                if (!rs.getBoolean(2)) {
                    out.add(table + ": row-level security is not forced");
                }
                if (rs.getString(3).equals(appRole) || rs.getBoolean(5)) {
                    out.add(table + ": is owned by the application role " + appRole);
                }
                if (!rs.getBoolean(4)) {
                    out.add(table + ": tenant_id may be null");
                }
            }
        }
        if (!exists(c, """
                select 1 from pg_constraint
                where conrelid = ?::regclass and contype = 'c'
                  and pg_get_constraintdef(oid) ~ 'tenant_id <> '''''""", table)) {
            out.add(table + ": no CHECK (tenant_id <> '')");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select x.indexrelid::regclass::text, x.indisprimary,
                       (select attname from pg_attribute where attrelid = x.indrelid and attnum = x.indkey[0])
                from pg_index x where x.indrelid = ?::regclass and (x.indisunique or x.indisprimary)""")) {
            ps.setString(1, table);
            boolean primary = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    primary |= rs.getBoolean(2);
                    if (!"tenant_id".equals(rs.getString(3))) {
                        out.add(table + ": " + (rs.getBoolean(2) ? "primary key " : "unique index ")
                                + rs.getString(1) + " does not lead with tenant_id");
                    }
                }
            }
            if (!primary) {
                out.add(table + ": has no primary key");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select conname,
                       (select attname from pg_attribute where attrelid = conrelid and attnum = conkey[1])
                from pg_constraint where conrelid = ?::regclass and contype = 'f'""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!"tenant_id".equals(rs.getString(2))) {
                        out.add(table + ": foreign key " + rs.getString(1) + " does not lead with tenant_id");
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select polcmd, count(*) filter (where polpermissive)
                from pg_policy where polrelid = ?::regclass group by polcmd""")) {
            ps.setString(1, table);
            java.util.Map<String, Integer> byCommand = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCommand.put(rs.getString(1), rs.getInt(2));
                }
            }
            if (byCommand.getOrDefault("*", 0) > 0) {
                out.add(table + ": has a policy FOR ALL (it would OR with the SELECT policy)");
            }
            int select = byCommand.getOrDefault("r", 0);
            if (select != 1) {
                out.add(table + ": has " + select + " permissive SELECT policies, not exactly one");
            }
            for (var cmd : java.util.Map.of("a", "INSERT", "w", "UPDATE", "d", "DELETE").entrySet()) {
                if (byCommand.getOrDefault(cmd.getKey(), 0) == 0 && hasPrivilege(c, table, cmd.getValue())) {
                    out.add(table + ": the application may " + cmd.getValue() + " but no policy limits it");
                }
            }
        }
    }

    private boolean hasPrivilege(Connection c, String table, String privilege) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select has_table_privilege(?, ?::regclass, ?)")) {
            ps.setString(1, appRole);
            ps.setString(2, table);
            ps.setString(3, privilege);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from pg_attribute where attrelid = ?::regclass and attname = ? and not attisdropped")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean exists(Connection c, String sql, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
