package cn.jiaoyun.core.audit;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/** Writes and reads the audit logs. Bureau events are written in the calling bureau's transaction. */
@Singleton
public class AuditLog {

    private final AuditRepository bureauEvents;
    private final PlatformAuditRepository platformEvents;
    private final TenantTransactions tx;

    public AuditLog(AuditRepository bureauEvents, PlatformAuditRepository platformEvents, TenantTransactions tx) {
        this.bureauEvents = bureauEvents;
        this.platformEvents = platformEvents;
        this.tx = tx;
    }

    /** Records an event in a bureau's log, joining the bureau's transaction or opening one. */
    public void record(String tenantId, String actor, AuditAction action, @Nullable String target,
                       @Nullable String detail, @Nullable String clientIp) {
        tx.inBureau(tenantId, () -> bureauEvents.save(
                new AuditEvent(null, tenantId, null, actor, action.name(), target, detail, clientIp)));
    }

    /** Records an event in the platform's log. */
    public void recordPlatform(String actor, AuditAction action, @Nullable String target,
                               @Nullable String detail, @Nullable String clientIp) {
        tx.onPlatform(() -> platformEvents.save(
                new PlatformAuditEvent(null, null, actor, action.name(), target, detail, clientIp)));
    }

    /** A page of a bureau's log, newest first, before the given event id (null: from the newest). */
    public List<AuditEvent> page(String tenantId, @Nullable Long beforeId, int limit) {
        return tx.readInBureau(tenantId, () -> bureauEvents.findPage(tenantId,
                beforeId == null ? Long.MAX_VALUE : beforeId, clamp(limit)));
    }

    /** A page of the platform's log. */
    public List<PlatformAuditEvent> platformPage(@Nullable Long beforeId, int limit) {
        return tx.onPlatform(() -> platformEvents.findPage(beforeId == null ? Long.MAX_VALUE : beforeId, clamp(limit)));
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 500));
    }
}
