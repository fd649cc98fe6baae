package cn.jiaoyun.core.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One item's result for one unit. The review score is the mean of the supervising departments'
 * scores (each held to 0…points); deductions by one rule never exceed that rule's cap, and all
 * deductions together never exceed the item's points. Routine items are scored by deduction
 * (扣分制), so a deduction counts even while the item is not reviewed: the net may be negative,
 * down to minus the item's points; the unit's total is what is floored at zero.
 *
 * @param points     the item's points (分值)
 * @param reviews    the scores its supervising departments gave; empty while not yet reviewed
 * @param deductions the deductions recorded against the unit on this item
 */
public record ItemScore(long itemId, BigDecimal points, List<BigDecimal> reviews, List<Deduction> deductions) {

    /** A deduction: by a rule (occurrences × points per occurrence, capped) or stated directly. */
    public record Deduction(Long ruleId, BigDecimal points, BigDecimal ruleCap) {
        public Deduction {
            Objects.requireNonNull(points, "points");
        }
    }

    public ItemScore {
        Objects.requireNonNull(points, "points");
        reviews = List.copyOf(reviews);
        deductions = List.copyOf(deductions);
    }

    public boolean reviewed() {
        return !reviews.isEmpty();
    }

    /** The mean of the departments' scores, each held within 0…points; zero while unreviewed. */
    public BigDecimal reviewScore() {
        if (reviews.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = reviews.stream().map(this::withinPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(reviews.size()), 2, RoundingMode.HALF_UP);
    }

    /** What the deductions take, each rule within its cap, all within the item's points. */
    public BigDecimal deducted() {
        java.util.Map<Long, BigDecimal> byRule = new java.util.HashMap<>();
        java.util.Map<Long, BigDecimal> caps = new java.util.HashMap<>();
        BigDecimal direct = BigDecimal.ZERO;
        for (Deduction d : deductions) {
            if (d.ruleId() == null) {
                direct = direct.add(d.points());
            } else {
                byRule.merge(d.ruleId(), d.points(), BigDecimal::add);
                if (d.ruleCap() != null) {
                    caps.put(d.ruleId(), d.ruleCap());
                }
            }
        }
        BigDecimal total = direct;
        for (var rule : byRule.entrySet()) {
            BigDecimal cap = caps.get(rule.getKey());
            total = total.add(cap == null ? rule.getValue() : rule.getValue().min(cap));
        }
        return total.min(points);
    }

    /** The item's net score: the review score less the deductions. */
    public BigDecimal net() {
        return reviewScore().subtract(deducted());
    }

    private BigDecimal withinPoints(BigDecimal score) {
        return score.max(BigDecimal.ZERO).min(points);
    }
}
