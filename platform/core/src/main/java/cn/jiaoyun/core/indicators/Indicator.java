package cn.jiaoyun.core.indicators;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An indicator of the catalog; {@code moduleId} null for the platform's own. {@code own}: one the
 * bureau added to its own catalog ({@code own.<n>}), seen by that bureau only and never compared.
 */
@Serdeable
public record Indicator(String code, String nameZh, String nameEn, String unit, String aggregation, String direction,
                        boolean published, @Nullable String moduleId, @Nullable String description, boolean own) {

    @Creator
    public Indicator {
    }

    /** An indicator of the platform's catalog (the platform's or a module's). */
    public Indicator(String code, String nameZh, String nameEn, String unit, String aggregation, String direction,
                     boolean published, @Nullable String moduleId) {
        this(code, nameZh, nameEn, unit, aggregation, direction, published, moduleId, null, false);
    }
}
