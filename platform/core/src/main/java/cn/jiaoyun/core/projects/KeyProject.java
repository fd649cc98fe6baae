package cn.jiaoyun.core.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** 重点交通建设项目: one key project of a bureau. {@code totalInvestment} in 万元. */
@Serdeable
@MappedEntity("key_project")
public record KeyProject(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String code,
        String name,
        ProjectCategory category,
        @Nullable ProjectLevel level,
        @Nullable String ownerUnit,
        @Nullable BigDecimal totalInvestment,
        int startYear,
        int finishYear,
        @Nullable String source,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Whether the project is on the year's list: under way that year by plan, or given a plan for it. */
    public boolean spans(int year) {
        return startYear <= year && year <= finishYear;
    }
}
