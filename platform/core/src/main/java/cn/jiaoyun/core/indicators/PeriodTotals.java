package cn.jiaoyun.core.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Totals of periods longer than a month (一季度…四季度 {@code Q1}–{@code Q4}, 上半年 {@code H1}, 下半年
 * {@code H2}, 全年 {@code Y}) that a bureau knows when it does not know the months (a summary
 * states 上半年 or 全年 figures), and which source serves a period. The rule, for a period of months
 * {@code from..through} (a month, a quarter, January to a month, a year):
 * <ol>
 *   <li><b>Months win.</b> When every month of the period is known, the months serve it exactly as
 *       {@link Figures#over} computes them, whatever totals exist.</li>
 *   <li>Otherwise the period is covered by <em>pieces</em> that lie wholly inside it, without
 *       overlap: known months and the totals of Q1–Q4, H1, H2 and Y. Of all covers the one that
 *       covers the most months serves; between covers of as many months the finest (most pieces:
 *       months before quarters before halves before the year) serves. So H1 serves 1–6月, Q1 + Q2
 *       serve it when there is no H1, H1 + the months 7–12 or H1 + Q3 + Q4 serve the year, and a
 *       year given only as a year total serves 全年 and nothing shorter: 1–6月 or any month stay
 *       unknown. A total never serves a period it sticks out of (H1 does not serve 1–3月).</li>
 *   <li>A period is complete when the serving cover covers every month; only complete periods are
 *       compared year on year and ranked (as in {@link Figures}).</li>
 *   <li>Combining pieces: SUM adds; AVERAGE weighs each piece by its months; RATIO divides the summed
 *       numerators by the summed denominators when every piece has both, and takes a piece's typed
 *       rate only when that piece alone serves the period; LAST takes the months' latest value when
 *       the period's last month is known, else a total that ends with the period (the finest).</li>
 * </ol>
 * Where a total and all the months of its period are known, both are shown and they
 * <em>disagree</em> when the months' figure, rounded to the decimals the total is written with (at
 * least to whole units), differs from it; the months still serve.
 */
public final class PeriodTotals {

    private PeriodTotals() {
    }

    /** The periods a total may be given for, with their first and last month. */
    public enum Span {
        Q1(1, 3, "一季度", "Q1"), Q2(4, 6, "二季度", "Q2"), Q3(7, 9, "三季度", "Q3"), Q4(10, 12, "四季度", "Q4"),
        H1(1, 6, "上半年", "H1"), H2(7, 12, "下半年", "H2"), Y(1, 12, "全年", "Year");

        private final int first;
        private final int last;
        private final String labelZh;
        private final String labelEn;

        Span(int first, int last, String labelZh, String labelEn) {
            this.first = first;
            this.last = last;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
        }

        public int first() {
            return first;
        }

        public int last() {
            return last;
        }

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
        }

        /** {@code H1}, {@code q2}, {@code y}: the span, or empty for anything else (H3, Q5). */
        public static Optional<Span> parse(@Nullable String code) {
            if (code == null) {
                return Optional.empty();
            }
            for (Span s : values()) {
                if (s.name().equalsIgnoreCase(code.strip())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** A bureau's total of one indicator for one period, in the indicator's unit; ratio parts when known. */
    @Serdeable
    public record Total(String indicatorCode, int year, String period, BigDecimal value, @Nullable BigDecimal numerator,
                        @Nullable BigDecimal denominator) {

        public Span span() {
            return Span.valueOf(period);
        }

        YearMonth from() {
            return YearMonth.of(year, span().first());
        }

        YearMonth through() {
            return YearMonth.of(year, span().last());
        }

        boolean hasParts() {
            return numerator != null && denominator != null && denominator.signum() != 0;
        }
    }

    /**
     * A total as the figures show it: {@code months} is the figure of the same months when every
     * one of them is known (null otherwise), and {@code disagrees} says the two differ.
     */
    @Serdeable
    public record Shown(String period, BigDecimal value, @Nullable BigDecimal numerator,
                        @Nullable BigDecimal denominator, @Nullable BigDecimal months, boolean disagrees) {
    }

    /**
     * The figure of a period and what served it: {@code sources} lists the pieces in order, period
     * codes for totals ({@code H1}) and month numbers for months ({@code 7}); empty when months
     * alone serve it.
     */
    public record Served(Figures.Period period, List<String> sources) {
    }

    /** One piece of a cover: a known month or a total. */
    private record Piece(YearMonth from, YearMonth through, int months, BigDecimal value,
                         @Nullable BigDecimal numerator, @Nullable BigDecimal denominator, String label,
                         boolean total) {

        boolean hasParts() {
            return numerator != null && denominator != null;
        }
    }

    /** The best cover of a prefix: months covered, pieces used and the pieces. */
    private record Cover(int covered, int count, List<Piece> pieces) {
        boolean betterThan(@Nullable Cover other) {
            return other == null || covered > other.covered || covered == other.covered && count > other.count;
        }
    }

    /**
     * The figure of {@code from}..{@code through} out of the months and the totals (any years):
     * the rule of this class.
     */
    public static Served serve(String aggregation, String unit, YearMonth from, YearMonth through,
                               Collection<Figures.Month> months, Collection<Total> totals) {
        Served served = withTotals(aggregation, unit, from, through, months, totals);
        return served != null ? served : new Served(Figures.over(aggregation, unit, from, through, months), List.of());
    }

    /**
     * The figure of the period when a total takes part in serving it; null when months alone
     * serve it (no total inside the period, or every month known), i.e. when {@link Figures#over}
     * is the answer.
     */
    @Nullable
    public static Served withTotals(String aggregation, String unit, YearMonth from, YearMonth through,
                                    Collection<Figures.Month> months, Collection<Total> totals) {
        int length = (int) (from.until(through, ChronoUnit.MONTHS) + 1);
        List<Total> inside = totals.stream()
                .filter(t -> !t.from().isBefore(from) && !t.through().isAfter(through)).toList();
        if (inside.isEmpty() || length <= 0) {
            return null;
        }
        Map<YearMonth, Figures.Month> known = new HashMap<>();
        for (Figures.Month m : months) {
            if (m.known() && !m.month().isBefore(from) && !m.month().isAfter(through)) {
                known.put(m.month(), m);
            }
        }
        if (known.size() == length) {
            return null;
        }
        if ("LAST".equals(aggregation)) {
            if (known.containsKey(through)) {
                return null;
            }
            return inside.stream().filter(t -> t.through().equals(through))
                    .min(Comparator.comparingInt(t -> t.span().last() - t.span().first()))
                    .map(t -> new Served(new Figures.Period(t.value().stripTrailingZeros(), length, length, true),
                            List.of(t.period())))
                    .orElse(null);
        }
        Cover best = cover(from, length, known, inside);
        if (best.pieces().stream().noneMatch(Piece::total)) {
            return null;
        }
        BigDecimal value = combine(aggregation, unit, best);
        boolean complete = best.covered() == length && value != null;
        return new Served(new Figures.Period(value == null ? null : value.stripTrailingZeros(), best.covered(), length,
                complete), best.pieces().stream().map(Piece::label).toList());
    }

    /** The cover of the most months, then of the most pieces, by dynamic programming over the months. */
    private static Cover cover(YearMonth from, int length, Map<YearMonth, Figures.Month> known, List<Total> inside) {
        Map<Integer, List<Piece>> startingAt = new HashMap<>();
        known.values().forEach(m -> startingAt.computeIfAbsent(index(from, m.month()), k -> new ArrayList<>())
                .add(new Piece(m.month(), m.month(), 1, m.value(), m.numerator(), m.denominator(),
                        String.valueOf(m.month().getMonthValue()), false)));
        inside.forEach(t -> startingAt.computeIfAbsent(index(from, t.from()), k -> new ArrayList<>())
                .add(new Piece(t.from(), t.through(), index(t.from(), t.through()) + 1, t.value(),
                        t.hasParts() ? t.numerator() : null, t.hasParts() ? t.denominator() : null, t.period(), true)));
        // finer pieces first, so that of equal covers the same one always serves
        startingAt.values().forEach(l -> l.sort(Comparator.comparingInt(Piece::months)));
        Cover[] best = new Cover[length + 1];
        best[0] = new Cover(0, 0, List.of());
        for (int k = 0; k < length; k++) {
            Cover here = best[k];
            if (here == null) {
                continue;
            }
            if (here.betterThan(best[k + 1])) {
                best[k + 1] = here;
            }
            for (Piece p : startingAt.getOrDefault(k, List.of())) {
                int end = k + p.months();
                List<Piece> pieces = new ArrayList<>(here.pieces());
                pieces.add(p);
                Cover next = new Cover(here.covered() + p.months(), here.count() + 1, pieces);
                if (next.betterThan(best[end])) {
                    best[end] = next;
                }
            }
        }
        return best[length];
    }

    private static int index(YearMonth from, YearMonth month) {
        return (int) from.until(month, ChronoUnit.MONTHS);
    }

    @Nullable
    private static BigDecimal combine(String aggregation, String unit, Cover cover) {
        List<Piece> pieces = cover.pieces();
        if (pieces.isEmpty()) {
            return null;
        }
        switch (aggregation) {
            case "SUM":
                return pieces.stream().map(Piece::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            case "AVERAGE":
                return pieces.stream().map(p -> p.value().multiply(BigDecimal.valueOf(p.months())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(cover.covered()), MathContext.DECIMAL64);
            case "RATIO":
                if (pieces.stream().allMatch(Piece::hasParts)) {
                    BigDecimal n = pieces.stream().map(Piece::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal d = pieces.stream().map(Piece::denominator).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return d.signum() == 0 ? null : rate(n, d, unit);
                }
                // a typed rate cannot be weighed against others: it serves only alone
                return pieces.size() == 1 ? pieces.get(0).value() : null;
            default:
                throw new IllegalArgumentException("Unknown aggregation " + aggregation);
        }
    }

    /** A rate from its parts, × 100 for an indicator in %. */
    static BigDecimal rate(BigDecimal numerator, BigDecimal denominator, String unit) {
        BigDecimal r = numerator.divide(denominator, MathContext.DECIMAL64);
        return ("%".equals(unit) ? r.multiply(BigDecimal.valueOf(100)) : r).stripTrailingZeros();
    }

    /** The totals of {@code year} as the figures show them, beside the months of the same periods. */
    public static List<Shown> shown(String aggregation, String unit, int year, Collection<Figures.Month> months,
                                    Collection<Total> totals) {
        List<Shown> out = new ArrayList<>();
        totals.stream().filter(t -> t.year() == year).sorted((a, b) -> a.span().compareTo(b.span())).forEach(t -> {
            Figures.Period byMonths = Figures.over(aggregation, unit, t.from(), t.through(), months);
            BigDecimal m = byMonths.complete() ? byMonths.value() : null;
            out.add(new Shown(t.period(), t.value().stripTrailingZeros(), t.numerator(), t.denominator(), m,
                    m != null && disagree(m, t.value())));
        });
        return out;
    }

    /** Whether the months' figure, rounded as the total is written (at least to whole units), differs. */
    static boolean disagree(BigDecimal months, BigDecimal total) {
        int scale = Math.max(total.stripTrailingZeros().scale(), 0);
        return months.setScale(scale, RoundingMode.HALF_UP).compareTo(total) != 0;
    }

    /** The transaction's bureau's totals of {@code fromYear}..{@code toYear}, by indicator code. */
    static Map<String, List<Total>> read(Connection c, int fromYear, int toYear) {
        Map<String, List<Total>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select indicator_code, year, period, value, numerator, denominator, indicator_code
                from indicator_period_total where year between ? and ?""")) {
            ps.setInt(1, fromYear);
            ps.setInt(2, toYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(total(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Total total(ResultSet rs) throws SQLException {
        return new Total(rs.getString(7), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6));
    }

    /**
     * The bureau's figure of January to {@code through} when a total takes part in it, read in the
     * caller's transaction; null when months alone serve it.
     */
    @Nullable
    static Served yearToDate(Connection c, Indicator indicator, YearMonth through) {
        List<Total> totals = read(c, through.getYear(), through.getYear()).getOrDefault(indicator.code(), List.of());
        if (totals.isEmpty()) {
            return null;
        }
        YearMonth from = through.withMonth(1);
        List<Figures.Month> months = BureauFigures.months(c, from, through).getOrDefault(indicator.code(), List.of());
        return withTotals(indicator.aggregation(), indicator.unit(), from, through, months, totals);
    }

    /**
     * Replaces, in a regional ranking's periods (one map per {@code [from, through]} range), the
     * figures of the bureaus that have totals of the indicator in those years by what the rule of
     * this class serves. Reads in the caller's (regional) transaction, where the database shows
     * only the published totals of the region's bureaus; the months are read only for those bureaus.
     */
    static void overlay(Connection c, Indicator indicator, List<YearMonth[]> ranges,
                        List<Map<String, Figures.Period>> periods) {
        TreeSet<Integer> years = new TreeSet<>();
        ranges.forEach(r -> {
            years.add(r[0].getYear());
            years.add(r[1].getYear());
        });
        Map<String, List<Total>> byBureau = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select tenant_id, year, period, value, numerator, denominator, indicator_code
                from indicator_period_total where indicator_code = ? and year = any (?)""")) {
            ps.setString(1, indicator.code());
            ps.setArray(2, c.createArrayOf("integer", years.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byBureau.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(total(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (byBureau.isEmpty()) {
            return;
        }
        Map<String, List<Figures.Month>> months = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select tenant_id, month, value, numerator, denominator, withheld from indicator_value
                where tenant_id = any (?) and indicator_code = ? and month between ? and ?""")) {
            ps.setArray(1, c.createArrayOf("text", byBureau.keySet().toArray()));
            ps.setString(2, indicator.code());
            ps.setDate(3, Date.valueOf(YearMonth.of(years.first(), 1).atDay(1)));
            ps.setDate(4, Date.valueOf(YearMonth.of(years.last(), 12).atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    months.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Figures.Month(
                            YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byBureau.forEach((bureau, totals) -> {
            for (int i = 0; i < ranges.size(); i++) {
                YearMonth[] r = ranges.get(i);
                Served s = withTotals(indicator.aggregation(), indicator.unit(), r[0], r[1],
                        months.getOrDefault(bureau, List.of()), totals);
                if (s != null) {
                    periods.get(i).put(bureau, s.period());
                }
            }
        });
    }
}
