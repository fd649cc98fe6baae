package cn.jiaoyun.core.assessment.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A deduction rule as an item's text states it: the points taken per occurrence, the most that
 * may be taken in all (null when the text sets no cap) and the condition it punishes.
 *
 * @param start where in the item's text the rule's sentence begins
 * @param end   where it ends (exclusive)
 */
public record DeductionRuleText(BigDecimal pointsPerOccurrence, BigDecimal cap, String condition, int start, int end) {

    public DeductionRuleText {
        Objects.requireNonNull(pointsPerOccurrence, "pointsPerOccurrence");
        Objects.requireNonNull(condition, "condition");
        if (pointsPerOccurrence.signum() <= 0) {
            throw new IllegalArgumentException("a deduction takes a positive number of points");
        }
    }
}
