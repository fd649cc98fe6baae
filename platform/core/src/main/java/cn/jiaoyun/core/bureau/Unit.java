package cn.jiaoyun.core.bureau;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** 局属单位: a unit of the bureau that receives work lists and reports progress. */
@Serdeable
@MappedEntity("unit")
public record Unit(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String code,
        String name,
        @Nullable String shortName,
        int sortOrder,
        boolean active) implements OrganisationEntry {
}
