package cn.jiaoyun.core.bureau;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A bureau, the tenant: one row of the platform's registry. */
@Serdeable
@MappedEntity("tenant")
public record Bureau(
        @Id String id,
        String name,
        @Nullable String shortName,
        BureauLevel level,
        String regionCode,
        @Nullable String parentRegionCode,
        @Nullable String parentName,
        boolean synthetic,
        String status) {

    public static final String ACTIVE = "ACTIVE";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
