package cn.jiaoyun.core.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A project's report for one month ({@code month} is its first day): investment completed that
 * month in 万元 and, when given, the physical progress (形象进度) in % at the month's end.
 */
@Serdeable
@MappedEntity("key_project_month")
public record KeyProjectMonth(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long projectId,
        LocalDate month,
        BigDecimal actual,
        @Nullable BigDecimal progress,
        @Nullable String note,
        @Nullable String source,
        String reportedBy,
        OffsetDateTime reportedAt) {
}
