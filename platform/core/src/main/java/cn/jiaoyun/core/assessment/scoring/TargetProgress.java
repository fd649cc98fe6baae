package cn.jiaoyun.core.assessment.scoring;

import cn.jiaoyun.core.assessment.extraction.Comparator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Judges a target from its latest reported value. A target without a deadline is due at the end
 * of its assessment year. Before the deadline, an "at least" target keeps pace when the value
 * reported is at least the share of the target that the elapsed share of the time asks for
 * (by 6月底 half of a year-end figure); an "at most" target not yet met is behind.
 */
public final class TargetProgress {

    private TargetProgress() {
    }

    /**
     * @param target        the figure to reach; null when the document hid it
     * @param actual        the latest reported value; null when none was reported
     * @param deadlineMonth the month the target is due (null: December)
     * @param deadlineDay   the day (null: the month's end)
     * @param year          the assessment year
     * @param today         the day of judgement
     */
    public static TargetStatus evaluate(Comparator comparator, BigDecimal target, BigDecimal actual,
                                        Integer deadlineMonth, Integer deadlineDay, int year, LocalDate today) {
        LocalDate deadline = deadline(year, deadlineMonth, deadlineDay);
        if (target == null) {
            return TargetStatus.NO_DATA;
        }
        if (actual == null) {
            return today.isAfter(deadline) ? TargetStatus.NOT_MET : TargetStatus.NO_DATA;
        }
        if (reached(comparator, actual, target)) {
            return TargetStatus.MET;
        }
        if (today.isAfter(deadline)) {
            return TargetStatus.NOT_MET;
        }
        if (comparator == Comparator.AT_MOST || comparator == Comparator.LESS_THAN) {
            return TargetStatus.BEHIND;
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        long total = Math.max(1, ChronoUnit.DAYS.between(start, deadline) + 1);
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, today) + 1));
        BigDecimal expected = target.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
        return actual.compareTo(expected) >= 0 ? TargetStatus.ON_TRACK : TargetStatus.BEHIND;
    }

    public static LocalDate deadline(int year, Integer month, Integer day) {
        YearMonth ym = YearMonth.of(year, month == null ? 12 : month);
        return day == null ? ym.atEndOfMonth() : ym.atDay(Math.min(day, ym.lengthOfMonth()));
    }

    static boolean reached(Comparator comparator, BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        return switch (comparator) {
            case AT_LEAST -> c >= 0;
            case MORE_THAN -> c > 0;
            case AT_MOST -> c <= 0;
            case LESS_THAN -> c < 0;
            case EQUAL -> c == 0;
        };
    }
}
