package cn.jiaoyun.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates, as a PostgreSQL superuser, what the server needs and may not create itself: the owner
 * and application roles and a database owned by the owner. Idempotent: running it again on a
 * prepared cluster only re-asserts the role attributes and passwords.
 *
 * <p>The application role is created {@code NOSUPERUSER NOBYPASSRLS NOINHERIT}: row-level
 * security applies to it, which is the whole point.
 */
public final class DatabasePreparer {

    private final String serverUrl;
    private final Credentials superuser;

    /**
     * @param serverUrl a JDBC URL of any database on the cluster, e.g. {@code jdbc:postgresql://host:5432/postgres}
     * @param superuser a login allowed to create roles and databases
     */
    public DatabasePreparer(String serverUrl, Credentials superuser) {
        this.serverUrl = serverUrl;
        this.superuser = superuser;
    }

    /** Ensures both roles and the database exist, then returns how to reach it. */
    public JiaoyunDatabase prepare(String databaseName, Credentials owner, Credentials app) throws SQLException {
        if (!databaseName.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + databaseName);
        }
        try (Connection c = DriverManager.getConnection(serverUrl, superuser.username(), superuser.password())) {
            ensureRole(c, owner, "NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            ensureRole(c, app, "NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB NOINHERIT");
            if (!exists(c, "select 1 from pg_database where datname = ?", databaseName)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + databaseName + " owner " + owner.username()
                            + " encoding 'UTF8' template template0");
                }
            }
        }
        String url = urlFor(databaseName);
        try (Connection c = DriverManager.getConnection(url, superuser.username(), superuser.password());
             Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + owner.username());
            s.execute("revoke create on schema public from public");
            s.execute("revoke all on database " + databaseName + " from public");
            s.execute("grant connect on database " + databaseName + " to " + owner.username() + ", " + app.username());
            s.execute("grant usage on schema public to " + app.username());
        }
        return new JiaoyunDatabase(url, owner, app);
    }

    /** Drops a database created by {@link #prepare}; used by tests to clean up. */
    public void drop(String databaseName) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, superuser.username(), superuser.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + databaseName + " with (force)");
        }
    }

    /** Runs one statement as the superuser on the cluster's maintenance database (operations and tests). */
    public void executeAsSuperuser(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, superuser.username(), superuser.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The JDBC URL of another database on the same cluster, keeping host, port and parameters. */
    public String urlFor(String databaseName) {
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?', Math.max(slash, 0));
        String base = serverUrl.substring(0, slash + 1);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return base + databaseName + params;
    }

    private static void ensureRole(Connection c, Credentials role, String attributes) throws SQLException {
        String password = "'" + role.password().replace("'", "''") + "'";
        try (Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role.username())) {
                s.execute("create role " + role.username() + " login " + attributes + " password " + password);
            } else {
                s.execute("alter role " + role.username() + " login " + attributes + " password " + password);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
