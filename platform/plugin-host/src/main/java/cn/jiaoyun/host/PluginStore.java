package cn.jiaoyun.host;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads and changes the {@code plugin_module} registry (a platform table) on the application's
 * connection. Installs and purges, which also change the schema, run in
 * {@link PluginInstaller}'s owner transaction instead.
 */
@Singleton
public class PluginStore {

    /** The channel every node listens on; the payload is the module id. */
    public static final String CHANNEL = "jiaoyun_plugins";

    static final String COLUMNS = """
            id, version, state, failure_reason, requires, dependencies, sha256, size_bytes, signed_by,
            tables, reference_tables, installed_by, installed_at, updated_by, updated_at""";

    private final TenantTransactions tx;

    public PluginStore(TenantTransactions tx) {
        this.tx = tx;
    }

    public List<InstalledModule> list() {
        return tx.withConnection("", true, c -> query(c, "select " + COLUMNS + " from plugin_module order by id"));
    }

    public Optional<InstalledModule> find(String id) {
        return tx.withConnection("", true, c -> query(c,
                "select " + COLUMNS + " from plugin_module where id = ?", id).stream().findFirst());
    }

    /** The stored jar of an installed module, or empty when it has none (removed). */
    public Optional<byte[]> jar(String id) {
        return tx.withConnection("", true, c -> {
            try (PreparedStatement ps = c.prepareStatement("select jar from plugin_module where id = ? and jar is not null")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Marks the module FAILED with a reason, provided it still runs the jar {@code sha256} (a
     * newer upload is not failed by an old version's last request). Tells every node.
     */
    public boolean markFailed(String id, String sha256, String reason, String by) {
        return changeState(id, sha256, InstalledModule.State.FAILED, reason, by);
    }

    /** Sets the module back to ACTIVE after a failure and tells every node. */
    public boolean reactivate(String id, String by) {
        return tx.withConnection("", false, c -> update(c, """
                update plugin_module set state = 'ACTIVE', failure_reason = null, updated_by = ?, updated_at = now()
                where id = ? and state = 'FAILED'""", by, id) == 1 && notifyNodes(c, id));
    }

    /**
     * Sets back to ACTIVE every module FAILED with a reason beginning {@code reasonPrefix} at least
     * {@code coolDown} ago (by the database's clock), tells every node, and returns their ids.
     * Several nodes may run it at once: each module comes back through exactly one of them.
     */
    public List<String> returnAfterCoolDown(String reasonPrefix, Duration coolDown, String by) {
        return tx.withConnection("", false, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update plugin_module set state = 'ACTIVE', failure_reason = null, updated_by = ?, updated_at = now()
                    where state = 'FAILED' and starts_with(failure_reason, ?)
                      and updated_at <= now() - make_interval(secs => ?)
                    returning id""")) {
                ps.setString(1, by);
                ps.setString(2, reasonPrefix);
                ps.setDouble(3, coolDown.toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            ids.forEach(id -> notifyNodes(c, id));
            return ids;
        });
    }

    /** Uninstalls: stops it on every node and drops the jar; tables and data stay. */
    public boolean remove(String id, String by) {
        return tx.withConnection("", false, c -> update(c, """
                update plugin_module set state = 'REMOVED', jar = null, failure_reason = null,
                       updated_by = ?, updated_at = now()
                where id = ? and state <> 'REMOVED'""", by, id) == 1 && notifyNodes(c, id));
    }

    private boolean changeState(String id, String sha256, InstalledModule.State state, String reason, String by) {
        String text = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason;
        return tx.withConnection("", false, c -> update(c, """
                update plugin_module set state = ?, failure_reason = ?, updated_by = ?, updated_at = now()
                where id = ? and sha256 = ? and state = 'ACTIVE'""", state.name(), text, by, id, sha256) == 1
                && notifyNodes(c, id));
    }

    /** Queues a notification to every node, delivered when the transaction commits. */
    static boolean notifyNodes(Connection c, String id) {
        try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, id);
            ps.execute();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot notify the other nodes: " + e.getMessage(), e);
        }
    }

    /** Runs a statement; returns the rows changed (0 for a statement that returns rows, e.g. set_config). */
    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            boolean result = ps.execute();
            return result ? 0 : ps.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<InstalledModule> query(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<InstalledModule> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InstalledModule(rs.getString(1), rs.getString(2),
                            InstalledModule.State.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
                            strings(rs.getArray(10)), strings(rs.getArray(11)), rs.getString(12),
                            rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getTimestamp(15).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
