package cn.jiaoyun.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** One entry of a bureau's audit log. */
@Serdeable
@MappedEntity("audit_event")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        @GeneratedValue @Nullable OffsetDateTime occurredAt,
        String actor,
        String action,
        @Nullable String target,
        @Nullable String detail,
        @Nullable String clientIp) {
}
