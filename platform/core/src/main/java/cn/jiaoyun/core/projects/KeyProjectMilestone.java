package cn.jiaoyun.core.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A project's milestone with the day it is planned for and the day it was reached. */
@Serdeable
@MappedEntity("key_project_milestone")
public record KeyProjectMilestone(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long projectId,
        MilestoneKind kind,
        @Nullable LocalDate plannedOn,
        @Nullable LocalDate actualOn,
        @Nullable String source,
        String updatedBy,
        OffsetDateTime updatedAt) {
}
