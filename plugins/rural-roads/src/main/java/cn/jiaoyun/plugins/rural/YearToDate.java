package cn.jiaoyun.plugins.rural;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Year-to-date (累计) and year-on-year (同比) arithmetic over monthly figures, where a month
 * without a figure is unknown, never zero.
 *
 * <p>Totals ({@link #total}): the year to date is the sum of January to the month only when every
 * one of those months is known; otherwise it is unknown and the missing months are named (a partial
 * sum would understate the year and could never be compared with last year's). The year-on-year
 * change is {@code (this − last) ÷ last × 100}, in per cent with one decimal (half up); it is
 * unknown when either side is unknown, and when last year's is zero (no base to compare with).
 *
 * <p>Rates ({@link #rate}): the period's rate is its own numerator over its own denominator
 * (km rated 优 or 良 over km inspected), in per cent with one decimal; unknown when nothing was
 * inspected. Its year-on-year change is the difference in percentage points (个百分点), as bureaus
 * write "优良路率同比提高1.2个百分点".
 */
public final class YearToDate {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private YearToDate() {
    }

    /** Why a figure is unknown. */
    public enum Flag {
        /** A month of this year up to the month has no figure. */
        MONTHS_MISSING,
        /** A month of last year's same period has no figure. */
        LAST_YEAR_MONTHS_MISSING,
        /** Last year's figure is zero: a change in per cent has no base. */
        LAST_YEAR_ZERO,
        /** The month itself has no figure. */
        MONTH_MISSING,
        /** Nothing was inspected (a rate without denominator). */
        NO_INSPECTION,
        /** Nothing was inspected in last year's same period. */
        LAST_YEAR_NO_INSPECTION
    }

    /**
     * One indicator's figures for a month of a year.
     *
     * @param month           the month's own figure, or null when unknown
     * @param yearToDate      January to the month, or null when unknown
     * @param lastYearToDate  the same period of last year, or null when unknown
     * @param yoy             the change against last year (per cent for totals, percentage points for rates), or null
     * @param yoyInPoints     whether {@code yoy} is in percentage points
     * @param flags           why a figure is unknown
     * @param missingMonths   this year's months (1–12) without a figure, up to the month
     * @param missingLastYear last year's months without a figure, up to the month
     */
    public record Result(BigDecimal month, BigDecimal yearToDate, BigDecimal lastYearToDate, BigDecimal yoy,
                         boolean yoyInPoints, List<Flag> flags, List<Integer> missingMonths,
                         List<Integer> missingLastYear) {
        public Result {
            flags = List.copyOf(flags);
            missingMonths = List.copyOf(missingMonths);
            missingLastYear = List.copyOf(missingLastYear);
        }
    }

    /** A rate's numerator and denominator (km), either null when unknown. */
    public record Ratio(BigDecimal numerator, BigDecimal denominator) {

        public static final Ratio NONE = new Ratio(null, null);

        /** The rate in per cent with one decimal, or null without a denominator. */
        public BigDecimal percent() {
            if (numerator == null || denominator == null || denominator.signum() == 0) {
                return null;
            }
            return numerator.multiply(HUNDRED).divide(denominator, 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * A total's figures for {@code month} (1–12).
     *
     * @param thisYear twelve monthly figures of the year, null where unknown
     * @param lastYear twelve monthly figures of the year before, null where unknown
     */
    public static Result total(BigDecimal[] thisYear, BigDecimal[] lastYear, int month) {
        if (month < 1 || month > 12 || thisYear.length != 12 || lastYear.length != 12) {
            throw new IllegalArgumentException("twelve months and a month from 1 to 12");
        }
        List<Flag> flags = new ArrayList<>();
        List<Integer> missing = missing(thisYear, month);
        List<Integer> missingLast = missing(lastYear, month);
        BigDecimal ytd = missing.isEmpty() ? sum(thisYear, month) : null;
        BigDecimal last = missingLast.isEmpty() ? sum(lastYear, month) : null;
        if (thisYear[month - 1] == null) {
            flags.add(Flag.MONTH_MISSING);
        }
        if (!missing.isEmpty()) {
            flags.add(Flag.MONTHS_MISSING);
        }
        if (!missingLast.isEmpty()) {
            flags.add(Flag.LAST_YEAR_MONTHS_MISSING);
        }
        BigDecimal yoy = null;
        if (last != null && last.signum() == 0) {
            flags.add(Flag.LAST_YEAR_ZERO);
        } else if (ytd != null && last != null) {
            yoy = ytd.subtract(last).multiply(HUNDRED).divide(last, 1, RoundingMode.HALF_UP);
        }
        return new Result(thisYear[month - 1], ytd, last, yoy, false, flags, missing, missingLast);
    }

    /**
     * A rate's figures: the month's own rate, the period's (January to the month) and last year's
     * same period, each computed from its own numerator and denominator.
     */
    public static Result rate(Ratio month, Ratio yearToDate, Ratio lastYearToDate) {
        List<Flag> flags = new ArrayList<>();
        BigDecimal m = month.percent();
        BigDecimal ytd = yearToDate.percent();
        BigDecimal last = lastYearToDate.percent();
        if (m == null) {
            flags.add(Flag.MONTH_MISSING);
        }
        if (ytd == null) {
            flags.add(Flag.NO_INSPECTION);
        }
        if (last == null) {
            flags.add(Flag.LAST_YEAR_NO_INSPECTION);
        }
        BigDecimal yoy = ytd == null || last == null ? null : ytd.subtract(last);
        return new Result(m, ytd, last, yoy, true, flags, List.of(), List.of());
    }

    private static List<Integer> missing(BigDecimal[] months, int upTo) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            if (months[i] == null) {
                missing.add(i + 1);
            }
        }
        return missing;
    }

    private static BigDecimal sum(BigDecimal[] months, int upTo) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < upTo; i++) {
            total = total.add(months[i]);
        }
        return total;
    }
}
