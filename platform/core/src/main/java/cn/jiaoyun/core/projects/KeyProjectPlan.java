package cn.jiaoyun.core.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** 年度计划投资: what a project is to invest in a year, in 万元. */
@Serdeable
@MappedEntity("key_project_plan")
public record KeyProjectPlan(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long projectId,
        int year,
        BigDecimal planned,
        @Nullable String source,
        String updatedBy,
        OffsetDateTime updatedAt) {
}
