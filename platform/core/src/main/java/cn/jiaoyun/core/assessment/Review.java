package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** 督查评分: one supervising department's score of a unit's item. */
@Serdeable
@MappedEntity("review")
public record Review(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long itemId,
        long unitId,
        long departmentId,
        BigDecimal score,
        String comment,
        String reviewer,
        OffsetDateTime reviewedAt) {
}
