package cn.jiaoyun.core.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 政策处理问题: a land or resettlement issue holding a project up, open until resolved. */
@Serdeable
@MappedEntity("key_project_issue")
public record KeyProjectIssue(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long projectId,
        IssueKind kind,
        String description,
        LocalDate foundOn,
        @Nullable LocalDate resolvedOn,
        @Nullable String resolution,
        @Nullable String source,
        String recordedBy,
        OffsetDateTime recordedAt) {

    /** Open on {@code day}: found by then and not resolved by then. */
    public boolean openOn(LocalDate day) {
        return !foundOn.isAfter(day) && (resolvedOn == null || resolvedOn.isAfter(day));
    }
}
