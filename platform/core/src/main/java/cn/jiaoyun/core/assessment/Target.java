package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.extraction.Comparator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A target of an item. {@code value} null means the document hid the figure: unknown, never
 * zero. A suppressed target is one a person removed or corrected; it stays so that a re-import
 * does not bring the extracted version back.
 */
@Serdeable
@MappedEntity("target")
public record Target(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long itemId,
        String subject,
        Comparator comparator,
        @Nullable BigDecimal value,
        String unit,
        @Nullable Integer deadlineMonth,
        @Nullable Integer deadlineDay,
        @Nullable Integer spanStart,
        @Nullable Integer spanEnd,
        TargetOrigin origin,
        boolean suppressed) {

    /** What identifies the same target across imports of the same text. */
    public String sameness() {
        return subject + "|" + comparator + "|" + (value == null ? "?" : value.stripTrailingZeros().toPlainString()) + "|" + unit;
    }

    public Target suppress() {
        return new Target(id, tenantId, itemId, subject, comparator, value, unit, deadlineMonth, deadlineDay,
                spanStart, spanEnd, origin, true);
    }
}
