package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Which targets an indicator feeds, per bureau. */
@Singleton
public class TargetIndicators {

    private final TenantTransactions tx;
    private final IndicatorCatalog catalog;
    private final AuditLog audit;

    public TargetIndicators(TenantTransactions tx, IndicatorCatalog catalog, AuditLog audit) {
        this.tx = tx;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** Feeds the caller's bureau's target from the indicator; replaces an earlier link. */
    public void link(Actor actor, long targetId, String code, String clientIp) {
        String tenant = actor.bureau();
        Indicator indicator = catalog.find(tenant, code == null ? "" : code)
                .orElseThrow(() -> ApiProblem.badField("code", "indicator.unknown", code));
        tx.withConnection(tenant, false, c -> {
            long item = itemOf(c, targetId);
            update(c, """
                    insert into target_indicator (tenant_id, target_id, indicator_code, linked_by) values (?, ?, ?, ?)
                    on conflict (tenant_id, target_id) do update
                    set indicator_code = excluded.indicator_code, linked_by = excluded.linked_by, linked_at = now()""",
                    tenant, targetId, indicator.code(), actor.auditName());
            audit.record(tenant, actor.auditName(), AuditAction.TARGET_CORRECTED, "item:" + item,
                    "target " + targetId + " fed by indicator " + indicator.code(), clientIp);
            return null;
        });
    }

    public void unlink(Actor actor, long targetId, String clientIp) {
        String tenant = actor.bureau();
        tx.withConnection(tenant, false, c -> {
            long item = itemOf(c, targetId);
            if (update(c, "delete from target_indicator where target_id = ?", targetId) > 0) {
                audit.record(tenant, actor.auditName(), AuditAction.TARGET_CORRECTED, "item:" + item,
                        "target " + targetId + " no longer fed by an indicator", clientIp);
            }
            return null;
        });
    }

    /** Target id → indicator code for the targets of one item (in the current bureau transaction or a new one). */
    public Map<Long, String> ofItem(String tenant, long itemId) {
        return tx.withConnection(tenant, true, c -> {
            Map<Long, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select ti.target_id, ti.indicator_code from target_indicator ti
                    join target t on t.id = ti.target_id where t.item_id = ?""")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    private static long itemOf(java.sql.Connection c, long targetId) {
        try (PreparedStatement ps = c.prepareStatement("select item_id from target where id = ? and not suppressed")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiProblem.notFound("target", targetId);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int update(java.sql.Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
