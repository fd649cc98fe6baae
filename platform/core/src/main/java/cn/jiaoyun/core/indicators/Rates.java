package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rates (RATIO indicators: 隐患整改率, 非现场执法案件占比, 审批按时办结率…) as staff give them. A month
 * takes either its numerator and denominator, from which its value is computed (× 100 for %), or,
 * where those are unknown, the rate as typed (58.13 for 58.13 %), stored without parts and shown
 * as entered. A computed value takes precedence: parts given with a typed value win over it, and a
 * typed value for a month that already has both parts is refused unless it is that computed value
 * (as an exported workbook sends it back). A period's rate follows {@link Figures}: the summed
 * parts when every known month has them, else the latest month's rate, flagged as entered.
 * Figures in % lie within 0–100 ({@link Numbers#within}).
 */
final class Rates {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** How far a typed value may be from the computed one and still be it (a double's rounding in .xlsx). */
    private static final BigDecimal SAME = new BigDecimal("0.000001");

    private Rates() {
    }

    /** Whether month {@code m} of {@code indicator} is a rate typed as it is. */
    static boolean typed(Indicator indicator, Figures.Month m) {
        return "RATIO".equals(indicator.aggregation()) && m.known()
                && (m.numerator() == null || m.denominator() == null);
    }

    /**
     * The entry to write for {@code e} (its value already in the indicator's unit), or null when
     * it is wrong, with every reason added to {@code errors} under {@code at}.
     */
    @Nullable
    static BureauFigures.Entry entry(Indicator i, BureauFigures.Entry e, @Nullable BigDecimal value, String at,
                                     List<ApiProblem.FieldError> errors) {
        boolean ratio = "RATIO".equals(i.aggregation());
        BigDecimal numerator = e.numerator();
        BigDecimal denominator = e.denominator();
        if (numerator == null && denominator == null || e.withheld()) {
            if (numerator != null || denominator != null) {
                errors.add(new ApiProblem.FieldError(at + ".numerator", "figures.withheld-with-value", i.nameZh()));
                return null;
            }
            if (!Numbers.within(value, i.unit())) {
                errors.add(new ApiProblem.FieldError(at + ".value", "figures.rate-range", i.nameZh(),
                        Numbers.plain(value), i.unit(), Numbers.plain(Numbers.bounds(i.unit())[1])));
                return null;
            }
            return new BureauFigures.Entry(i.code(), e.month(), value, i.unit(), e.withheld());
        }
        if (!ratio) {
            errors.add(new ApiProblem.FieldError(at + ".numerator", "figures.parts-not-ratio", i.nameZh()));
            return null;
        }
        if (numerator == null || denominator == null) {
            errors.add(new ApiProblem.FieldError(at + (numerator == null ? ".numerator" : ".denominator"),
                    "figures.parts-missing", i.nameZh()));
            return null;
        }
        if (denominator.signum() <= 0) {
            errors.add(new ApiProblem.FieldError(at + ".denominator", "figures.parts-denominator", i.nameZh()));
            return null;
        }
        if (numerator.signum() < 0) {
            errors.add(new ApiProblem.FieldError(at + ".numerator", "figures.parts-negative", i.nameZh()));
            return null;
        }
        BigDecimal computed = numerator.divide(denominator, MathContext.DECIMAL64);
        if ("%".equals(i.unit())) {
            computed = computed.multiply(HUNDRED);
        }
        if (!Numbers.within(computed, i.unit())) {
            errors.add(new ApiProblem.FieldError(at + ".numerator", "figures.rate-range", i.nameZh(),
                    Numbers.rounded(computed, 2), i.unit(), Numbers.plain(Numbers.bounds(i.unit())[1])));
            return null;
        }
        return new BureauFigures.Entry(i.code(), e.month(), computed.stripTrailingZeros(), i.unit(), false,
                numerator, denominator);
    }

    /**
     * The entries to write, in the bureau's transaction {@code c}: a typed rate for a month whose
     * value is computed from both parts is left out when it is that value and refused otherwise
     * (naming {@code entries[n].value}, nothing written).
     */
    static List<BureauFigures.Entry> besideComputed(Connection c, int year, List<BureauFigures.Entry> entries,
                                                    List<Integer> positions, Map<String, Indicator> byCode) {
        List<BureauFigures.Entry> out = new ArrayList<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            BureauFigures.Entry e = entries.get(k);
            Indicator i = byCode.get(e.code());
            if (e.value() == null || e.numerator() != null || !"RATIO".equals(i.aggregation())) {
                out.add(e);
                continue;
            }
            BigDecimal computed = computed(c, e.code(), YearMonth.of(year, e.month()));
            if (computed == null) {
                out.add(e);
            } else if (computed.subtract(e.value()).abs().compareTo(SAME) > 0) {
                errors.add(new ApiProblem.FieldError("entries[" + positions.get(k) + "].value", "figures.rate-computed",
                        i.nameZh(), Numbers.rounded(computed, 2), i.unit()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "figures.entries-refused", errors.size());
        }
        return out;
    }

    /** The month's value when it is computed from both its parts, else null. */
    @Nullable
    private static BigDecimal computed(Connection c, String code, YearMonth month) {
        try (PreparedStatement ps = c.prepareStatement("""
                select value from indicator_value where indicator_code = ? and month = ?
                  and numerator is not null and denominator is not null and value is not null""")) {
            ps.setString(1, code);
            ps.setDate(2, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
