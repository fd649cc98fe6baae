package cn.jiaoyun.plugins.port;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Year-to-date (本年累计) and year-on-year (同比) arithmetic over monthly figures where a month
 * without a figure is unknown, never zero.
 *
 * <p>Rules, as the bureaus' monthly reports need them:
 * <ul>
 *   <li>The year-to-date figure of a month is the sum of January to that month; it is unknown
 *       (null) as soon as one of those months is unknown, and {@link Figure#missing()} names the
 *       months. A partial sum is never shown as the total.</li>
 *   <li>The same period last year (上年同期) follows the same rule for last year's months.</li>
 *   <li>The change in percent is {@code (current − base) ÷ base × 100}, rounded half up to one
 *       decimal as the reports write it ({@code 同比增长12.3%}); it is unknown when either side is
 *       unknown or the base is zero ({@link Reason#BASE_ZERO}), e.g. a port's first year.</li>
 * </ul>
 * Pure arithmetic: the figures come in as a function of the month.
 */
final class YearOnYear {

    /** Why a change is unknown. */
    enum Reason {
        CURRENT_UNKNOWN, BASE_UNKNOWN, BASE_ZERO
    }

    /**
     * One measure at one month.
     *
     * @param month           the month's figure, or null
     * @param monthLastYear   the same month a year earlier, or null
     * @param monthChange     the month's change in percent, or null ({@code monthWhy} says why)
     * @param yearToDate      January to the month, or null when a month of that range is unknown
     * @param lastYearToDate  the same range last year, or null
     * @param yearToDateChange the change of the year-to-date figures in percent, or null
     * @param missing         the months of both ranges that have no figure, oldest first
     */
    record Figure(BigDecimal month, BigDecimal monthLastYear, BigDecimal monthChange, Reason monthWhy,
                  BigDecimal yearToDate, BigDecimal lastYearToDate, BigDecimal yearToDateChange, Reason yearToDateWhy,
                  List<YearMonth> missing) {

        Figure {
            missing = List.copyOf(missing);
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private YearOnYear() {
    }

    /** The figure of {@code month} from {@code monthly} (null for an unknown month). */
    static Figure of(Function<YearMonth, BigDecimal> monthly, YearMonth month) {
        YearMonth lastYear = month.minusYears(1);
        List<YearMonth> missing = new ArrayList<>();
        BigDecimal ytd = sum(monthly, month.withMonth(1), month, missing);
        List<YearMonth> missingLastYear = new ArrayList<>();
        BigDecimal lastYtd = sum(monthly, lastYear.withMonth(1), lastYear, missingLastYear);
        missing.addAll(0, missingLastYear);
        BigDecimal current = monthly.apply(month);
        BigDecimal base = monthly.apply(lastYear);
        return new Figure(current, base, change(current, base), why(current, base),
                ytd, lastYtd, change(ytd, lastYtd), why(ytd, lastYtd), missing);
    }

    /** The sum of {@code from} to {@code to}, or null if a month is unknown (those are added to {@code missing}). */
    static BigDecimal sum(Function<YearMonth, BigDecimal> monthly, YearMonth from, YearMonth to, List<YearMonth> missing) {
        BigDecimal total = BigDecimal.ZERO;
        boolean complete = true;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            BigDecimal v = monthly.apply(m);
            if (v == null) {
                complete = false;
                missing.add(m);
            } else {
                total = total.add(v);
            }
        }
        return complete ? total : null;
    }

    /** {@code (current − base) ÷ base × 100} to one decimal, or null when unknown or the base is zero. */
    static BigDecimal change(BigDecimal current, BigDecimal base) {
        if (why(current, base) != null) {
            return null;
        }
        return current.subtract(base).multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_UP);
    }

    /** Why {@link #change} is unknown, or null when it is known. */
    static Reason why(BigDecimal current, BigDecimal base) {
        if (current == null) {
            return Reason.CURRENT_UNKNOWN;
        }
        if (base == null) {
            return Reason.BASE_UNKNOWN;
        }
        return base.signum() == 0 ? Reason.BASE_ZERO : null;
    }
}
