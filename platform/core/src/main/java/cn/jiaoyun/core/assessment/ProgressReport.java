package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 进度填报: a unit's report on an item for one month ({@code period} is the month's first day), or a
 * department's on a plan item it owns; exactly one of {@code unitId} and {@code departmentId} is set.
 */
@Serdeable
@MappedEntity("progress_report")
public record ProgressReport(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long itemId,
        @Nullable Long unitId,
        LocalDate period,
        String narrative,
        String reportedBy,
        OffsetDateTime reportedAt,
        @Nullable Long departmentId) {
}
