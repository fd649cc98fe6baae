package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** 扣分规则 of an item: points per occurrence, optionally capped, and the condition punished. */
@Serdeable
@MappedEntity("deduction_rule")
public record DeductionRule(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long itemId,
        BigDecimal pointsPerOccurrence,
        @Nullable BigDecimal cap,
        String description) {

    public String sameness() {
        return pointsPerOccurrence.stripTrailingZeros().toPlainString() + "|"
                + (cap == null ? "" : cap.stripTrailingZeros().toPlainString()) + "|" + description;
    }
}
