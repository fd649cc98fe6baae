package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A work list of one year; which units it applies to is kept in work_list_unit.
 * {@code expectedPoints} is what the bureau expects its items to add up to, null when unsaid.
 */
@Serdeable
@MappedEntity("work_list")
public record WorkList(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        int year,
        WorkListKind kind,
        String title,
        @Nullable String source,
        @Nullable BigDecimal expectedPoints) {
}
