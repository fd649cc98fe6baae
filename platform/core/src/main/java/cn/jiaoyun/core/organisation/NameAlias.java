package cn.jiaoyun.core.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * 别名: a name the bureau's documents write for one of its units ({@code kind} UNIT, {@code unitId})
 * or departments (DEPARTMENT, {@code departmentId}); {@code nameKey} is the name as imports compare it.
 */
@Serdeable
@MappedEntity("name_alias")
public record NameAlias(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String kind,
        String name,
        String nameKey,
        @Nullable Long unitId,
        @Nullable Long departmentId,
        String createdBy,
        @DateCreated @Nullable OffsetDateTime createdAt) {

    public static final String UNIT = "UNIT";
    public static final String DEPARTMENT = "DEPARTMENT";

    /** The unit's or department's id. */
    public long targetId() {
        return UNIT.equals(kind) ? unitId : departmentId;
    }
}
