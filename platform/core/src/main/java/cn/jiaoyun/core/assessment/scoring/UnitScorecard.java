package cn.jiaoyun.core.assessment.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A unit's scorecard: its items' results, its total (reviews − deductions) out of the points
 * its lists carry, and how many items are reviewed so far.
 */
public record UnitScorecard(long unitId, String unitName, List<ItemScore> items) {

    public UnitScorecard {
        items = List.copyOf(items);
    }

    public BigDecimal maxPoints() {
        return items.stream().map(ItemScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal reviewed() {
        return items.stream().map(ItemScore::reviewScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal deducted() {
        return items.stream().map(ItemScore::deducted).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Reviews less deductions over all items, never below zero. */
    public BigDecimal total() {
        return items.stream().map(ItemScore::net).reduce(BigDecimal.ZERO, BigDecimal::add).max(BigDecimal.ZERO);
    }

    public long itemsReviewed() {
        return items.stream().filter(ItemScore::reviewed).count();
    }

    /** A scorecard with its place in the ranking. */
    public record Ranked(int rank, UnitScorecard scorecard) {
    }

    /**
     * Ranks units by total, highest first; equal totals share a rank and the next rank skips
     * (1, 1, 3), as bureaus' rankings are read.
     */
    public static List<Ranked> rank(List<UnitScorecard> cards) {
        List<UnitScorecard> sorted = new ArrayList<>(cards);
        sorted.sort(Comparator.comparing(UnitScorecard::total).reversed()
                .thenComparing(UnitScorecard::unitName));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int rank = i > 0 && sorted.get(i).total().compareTo(sorted.get(i - 1).total()) == 0
                    ? out.get(i - 1).rank() : i + 1;
            out.add(new Ranked(rank, sorted.get(i)));
        }
        return out;
    }
}
