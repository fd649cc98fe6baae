package cn.jiaoyun.core.bureau;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** 处室 / 督查部门: a department of the bureau; supervises assessment items. */
@Serdeable
@MappedEntity("department")
public record Department(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String code,
        String name,
        @Nullable String shortName,
        int sortOrder,
        boolean active) implements OrganisationEntry {
}
