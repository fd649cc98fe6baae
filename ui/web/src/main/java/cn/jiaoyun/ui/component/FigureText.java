package cn.jiaoyun.ui.component;

import cn.jiaoyun.core.indicators.Figures;
import cn.jiaoyun.core.indicators.Numbers;
import cn.jiaoyun.core.indicators.Units;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures as bureaus write them in their reports: amounts in 万元 as {@code 61.4亿元} from 1 亿 up,
 * other values with at most two decimals, year on year as {@code +69.9%} or, for an indicator in %,
 * {@code +7.5个百分点}. Unknown is a dash, never zero.
 */
public final class FigureText {

    public static final String UNKNOWN = "—";

    private FigureText() {
    }

    /** A value of an indicator in {@code unit}; amounts in 万元 carry their unit, others do not. */
    public static String value(BigDecimal value, String unit) {
        if (value == null) {
            return UNKNOWN;
        }
        return "万元".equals(unit) ? Units.money(value) : Numbers.rounded(value, 2);
    }

    /** A value with its unit in every case: {@code 61.4亿元}, {@code 1250万吨}, {@code 98.5%}. */
    public static String withUnit(BigDecimal value, String unit) {
        if (value == null) {
            return UNKNOWN;
        }
        return "万元".equals(unit) ? Units.money(value) : Numbers.rounded(value, 2) + unit;
    }

    /** Year on year: {@code +69.9%}, or in points for an indicator measured in %. */
    public static String yearOnYear(BigDecimal change, String unit, String points) {
        if (change == null) {
            return UNKNOWN;
        }
        if ("%".equals(unit)) {
            return (change.signum() > 0 ? "+" : "") + Numbers.rounded(change, 1) + points;
        }
        return Numbers.signedPercent(change);
    }

    /** Completion of the annual target: {@code 103.6%}. */
    public static String percent(BigDecimal percent) {
        return percent == null ? UNKNOWN : Numbers.rounded(percent, 1) + "%";
    }

    /** How many months of the period have no value (0 when complete or nothing is known). */
    public static int missingMonths(Figures.Period period) {
        return period.value() == null || period.complete() ? 0 : Math.max(0, period.months() - period.known());
    }

    /** The unit and its other scales a value may be typed in: 万元 → 万元, 亿元, 元; 件 → 件. */
    public static List<String> scales(String unit) {
        List<String> out = new ArrayList<>(List.of(unit));
        String base = unit.length() > 1 && (unit.startsWith("万") || unit.startsWith("亿")) ? unit.substring(1) : null;
        if (base != null) {
            for (String u : List.of("亿" + base, "万" + base, base)) {
                if (!out.contains(u)) {
                    out.add(u);
                }
            }
        }
        return out;
    }
}
