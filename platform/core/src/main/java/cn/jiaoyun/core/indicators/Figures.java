package cn.jiaoyun.core.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.Collection;

/**
 * The arithmetic of a bureau's monthly figures over a period (a month, January to a month, a
 * year), with the rule that an unknown month stays unknown:
 * <ul>
 *   <li>SUM adds the known months; AVERAGE averages them; LAST takes the latest known month;
 *       RATIO divides the summed numerators by the summed denominators (× 100 for %), never an
 *       average of monthly rates.</li>
 *   <li>A rate typed directly (a RATIO month known without numerator and denominator, e.g. 58.13 %)
 *       is <em>entered</em>. A period in which every known month has both parts is computed from
 *       the summed parts as above; otherwise the period's rate is the latest known month's rate,
 *       flagged {@code entered}, and complete only when that month is the period's last (as
 *       bureaus judge a rate on its latest value): never a sum, an average or a guess of rates.</li>
 *   <li>A period is <em>complete</em> when every month in it has a known value (for LAST: when
 *       its last month does). An incomplete period still shows what is known, flagged, but is
 *       never compared: year on year and ranks need complete periods on both sides.</li>
 *   <li>Year on year is the relative change in % ({@code (now − before) ÷ |before| × 100}); for an
 *       indicator measured in % it is the change in percentage points instead. A zero or unknown
 *       base gives no year-on-year figure.</li>
 * </ul>
 */
public final class Figures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    /** One month of one bureau: value (null unknown), ratio parts, withheld (known to be unknown). */
    public record Month(YearMonth month, @Nullable BigDecimal value, @Nullable BigDecimal numerator,
                        @Nullable BigDecimal denominator, boolean withheld) {
        public boolean known() {
            return value != null && !withheld;
        }
    }

    /**
     * The figure of a period: {@code value} null when nothing is known; {@code known} of
     * {@code months} months have a value.
     */
    @Serdeable
    public record Period(@Nullable BigDecimal value, int known, int months, boolean complete, boolean entered) {
        @io.micronaut.core.annotation.Creator
        public Period {
        }

        public Period(@Nullable BigDecimal value, int known, int months, boolean complete) {
            this(value, known, months, complete, false);
        }

        static Period unknown(int months) {
            return new Period(null, 0, months, false);
        }
    }

    /** The figure of {@code from}..{@code through} (inclusive) out of {@code values} (any months). */
    public static Period over(String aggregation, String unit, YearMonth from, YearMonth through,
                              Collection<Month> values) {
        int months = (int) (from.until(through, java.time.temporal.ChronoUnit.MONTHS) + 1);
        if (months <= 0) {
            throw new IllegalArgumentException(from + " is after " + through);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        int known = 0;
        int parts = 0;
        Month last = null;
        for (Month m : values) {
            if (m.month().isBefore(from) || m.month().isAfter(through) || !m.known()) {
                continue;
            }
            known++;
            sum = sum.add(m.value());
            if (m.numerator() != null && m.denominator() != null) {
                numerator = numerator.add(m.numerator());
                denominator = denominator.add(m.denominator());
                parts++;
            }
            if (last == null || m.month().isAfter(last.month())) {
                last = m;
            }
        }
        boolean allParts = parts == known;
        return of(aggregation, unit, months, known, sum, allParts ? numerator : null, allParts ? denominator : null,
                last == null ? null : last.value(), last != null && last.month().equals(through));
    }

    /**
     * The figure of a period from its aggregates, as SQL computes them for many bureaus at once:
     * {@code known} months with a value, their sum, summed ratio parts (null when a known month
     * lacks them: a typed rate), the latest known value and whether it is the period's last month.
     */
    public static Period of(String aggregation, String unit, int months, int known, @Nullable BigDecimal sum,
                            @Nullable BigDecimal numerator, @Nullable BigDecimal denominator,
                            @Nullable BigDecimal latest, boolean latestIsLastMonth) {
        if (known == 0) {
            return Period.unknown(months);
        }
        boolean complete = known == months;
        boolean entered = false;
        BigDecimal value = switch (aggregation) {
            case "SUM" -> sum;
            case "AVERAGE" -> sum.divide(BigDecimal.valueOf(known), MathContext.DECIMAL64);
            case "LAST" -> {
                complete = latestIsLastMonth;
                yield latest;
            }
            case "RATIO" -> {
                if (numerator == null || denominator == null) {
                    // a typed rate among the months: the latest rate stands for the period
                    entered = true;
                    complete = latestIsLastMonth;
                    yield latest;
                }
                yield denominator.signum() == 0 ? null
                        : scaleRatio(numerator.divide(denominator, MathContext.DECIMAL64), unit);
            }
            default -> throw new IllegalArgumentException("Unknown aggregation " + aggregation);
        };
        return new Period(value == null ? null : value.stripTrailingZeros(), known, months, complete && value != null,
                entered && value != null);
    }

    private static BigDecimal scaleRatio(BigDecimal ratio, String unit) {
        return "%".equals(unit) ? ratio.multiply(HUNDRED) : ratio;
    }

    /** Year on year: % change, or points for an indicator in %; null when it cannot be said. */
    @Nullable
    public static BigDecimal yearOnYear(String unit, Period now, Period before) {
        if (now.value() == null || before.value() == null || !now.complete() || !before.complete()) {
            return null;
        }
        if ("%".equals(unit)) {
            return now.value().subtract(before.value());
        }
        if (before.value().signum() == 0) {
            return null;
        }
        return now.value().subtract(before.value()).multiply(HUNDRED)
                .divide(before.value().abs(), MathContext.DECIMAL64);
    }

    /** How much of the annual target the value is, in %: 63.7 of 61.5 → 103.6; null without both. */
    @Nullable
    public static BigDecimal completion(@Nullable BigDecimal value, @Nullable BigDecimal target) {
        if (value == null || target == null || target.signum() == 0) {
            return null;
        }
        return value.multiply(HUNDRED).divide(target, MathContext.DECIMAL64);
    }
}
