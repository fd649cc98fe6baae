package cn.jiaoyun.core.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as the bureaus print them. */
public final class Numbers {

    private Numbers() {
    }

    /** 63.7, not 63.70 nor 6.37E+1. */
    public static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    /** A value rounded to {@code scale} decimals and printed plainly: 103.58 → 103.6 with scale 1. */
    public static String rounded(BigDecimal value, int scale) {
        return value == null ? "—" : plain(value.setScale(scale, RoundingMode.HALF_UP));
    }

    /** A change as the summaries write it: {@code +69.9%} / {@code -3.2%}. */
    public static String signedPercent(BigDecimal percent) {
        if (percent == null) {
            return "—";
        }
        String s = rounded(percent, 1);
        return (percent.signum() > 0 ? "+" : "") + s + "%";
    }

    /**
     * The bounds a figure in {@code unit} can take, shared by every check of typed numbers: a
     * share in % lies in 0–100, one in ‰ in 0–1000; null when the unit sets none.
     */
    public static BigDecimal[] bounds(String unit) {
        return switch (unit == null ? "" : unit.strip()) {
            case "%", "％" -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(100)};
            case "‰" -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(1000)};
            default -> null;
        };
    }

    /** Whether {@code value} lies within the {@link #bounds} of {@code unit} (always, when it has none). */
    public static boolean within(BigDecimal value, String unit) {
        BigDecimal[] b = bounds(unit);
        return value == null || b == null || value.compareTo(b[0]) >= 0 && value.compareTo(b[1]) <= 0;
    }
}
