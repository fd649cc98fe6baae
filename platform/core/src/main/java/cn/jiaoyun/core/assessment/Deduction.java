package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** 扣分: points taken from a unit on an item, by rule or stated directly, with the reason. */
@Serdeable
@MappedEntity("deduction")
public record Deduction(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long itemId,
        long unitId,
        @Nullable Long ruleId,
        @Nullable Integer occurrences,
        BigDecimal points,
        String reason,
        String recordedBy,
        OffsetDateTime recordedAt) {
}
