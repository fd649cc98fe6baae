package cn.jiaoyun.core.organisation;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Messages;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What refers to a unit or department, found in PostgreSQL's catalog rather than in a list kept
 * by hand: every foreign key onto the table (work lists, supervised items, reports, reviews,
 * deductions, users, and whatever a later feature or module adds) except those that cascade
 * (an alias goes with what it names). Counted inside the bureau's transaction.
 */
@Singleton
class OrganisationReferences {

    private final TenantTransactions tx;

    OrganisationReferences(TenantTransactions tx) {
        this.tx = tx;
    }

    private record Reference(String table, String column) {
    }

    /** Table → number of the bureau's rows referring to {@code id} of {@code table}; only tables with rows. */
    Map<String, Long> uses(String table, String tenant, long id) {
        return tx.withConnection(tenant, false, c -> {
            List<Reference> refs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.conrelid::regclass::text, quote_ident(a.attname)
                    from pg_constraint c
                    cross join lateral unnest(c.conkey) as k(attnum)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                    where c.contype = 'f' and c.confrelid = cast(? as regclass) and c.confdeltype <> 'c'
                      and a.attname <> 'tenant_id' and has_table_privilege(c.conrelid, 'SELECT')
                    order by 1, 2""")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new Reference(rs.getString(1), rs.getString(2)));
                    }
                }
                Map<String, Long> out = new LinkedHashMap<>();
                for (Reference r : refs) {
                    try (PreparedStatement count = c.prepareStatement("select count(*) from " + r.table()
                            + " where tenant_id = ? and " + r.column() + " = ?")) {
                        count.setString(1, tenant);
                        count.setLong(2, id);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                out.merge(r.table(), rs.getLong(1), Long::sum);
                            }
                        }
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The uses as people read them: "工作清单 2、用户 1". */
    static String describe(Map<String, Long> uses, Locale locale) {
        List<String> parts = new ArrayList<>();
        uses.forEach((table, n) -> {
            String key = "org.data." + table;
            String label = Messages.text(locale, key);
            parts.add((label.equals(key) ? table : label) + " " + n);
        });
        return String.join("en".equals(locale.getLanguage()) ? ", " : "、", parts);
    }
}
