package cn.jiaoyun.core.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An indicator of the catalog; {@code moduleId} null for the platform's own. */
@Serdeable
public record Indicator(String code, String nameZh, String nameEn, String unit, String aggregation, String direction,
                        boolean published, @Nullable String moduleId) {
}
