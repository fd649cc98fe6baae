package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * 扣分规则 of an item: points per occurrence, optionally capped, and the condition punished. Read
 * from the item's text or added by a person; a read rule a person corrected or removed stays
 * suppressed so that the text does not bring it back.
 */
@Serdeable
@MappedEntity("deduction_rule")
public record DeductionRule(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long itemId,
        BigDecimal pointsPerOccurrence,
        @Nullable BigDecimal cap,
        String description,
        TargetOrigin origin,
        boolean suppressed) {

    public DeductionRule suppress() {
        return new DeductionRule(id, tenantId, itemId, pointsPerOccurrence, cap, description, origin, true);
    }

    public String sameness() {
        return pointsPerOccurrence.stripTrailingZeros().toPlainString() + "|"
                + (cap == null ? "" : cap.stripTrailingZeros().toPlainString()) + "|" + description;
    }
}
