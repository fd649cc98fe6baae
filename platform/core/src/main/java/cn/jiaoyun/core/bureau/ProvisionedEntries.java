package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.bureau.BureauProvisioner.Entry;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The units and departments of a bureau's definition file as last applied ({@code provisioned_entry}),
 * so that the next provisioning applies only what the file changed since. Joins the bureau's
 * transaction.
 */
@Singleton
class ProvisionedEntries {

    private final TenantTransactions tx;

    ProvisionedEntries(TenantTransactions tx) {
        this.tx = tx;
    }

    /** The entries of one kind by code; empty for a bureau provisioned before this was kept. */
    Map<String, Entry> entries(String tenant, String kind) {
        return tx.withConnection(tenant, false, c -> {
            Map<String, Entry> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select code, name, short_name, position from provisioned_entry
                    where tenant_id = ? and kind = ? order by position""")) {
                ps.setString(1, tenant);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    /** Replaces {@code previous} by {@code wanted}, writing only the rows that differ. */
    void remember(String tenant, String kind, Map<String, Entry> previous, List<Entry> wanted) {
        Map<String, Entry> now = wanted.stream().collect(Collectors.toMap(Entry::code, Function.identity()));
        tx.withConnection(tenant, false, c -> {
            try {
                for (String gone : previous.keySet()) {
                    if (!now.containsKey(gone)) {
                        execute(c, "delete from provisioned_entry where tenant_id = ? and kind = ? and code = ?",
                                tenant, kind, gone);
                    }
                }
                for (Entry e : wanted) {
                    Entry before = previous.get(e.code());
                    if (before == null) {
                        execute(c, """
                                insert into provisioned_entry (tenant_id, kind, code, name, short_name, position)
                                values (?, ?, ?, ?, ?, ?)""", tenant, kind, e.code(), e.name(), e.shortName(),
                                e.position());
                    } else if (!Objects.equals(before, e)) {
                        execute(c, """
                                update provisioned_entry set name = ?, short_name = ?, position = ?
                                where tenant_id = ? and kind = ? and code = ?""", e.name(), e.shortName(),
                                e.position(), tenant, kind, e.code());
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }


    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
