package cn.jiaoyun.core.indicators;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Units as Chinese bureaus write them: a base (元, 吨, 人, 人次, TEU, 公里, 吨公里, 人公里, 件, 处, %)
 * with an optional 万 (10⁴) or 亿 (10⁸) in front. Two units convert into each other when their
 * bases are the same: 61.5 亿元 = 615000 万元, 8 万TEU = 80000 TEU. Anything else does not convert.
 */
public final class Units {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final Map<String, String> ALIASES = Map.of("km", "公里", "t", "吨", "teu", "TEU", "标箱", "TEU");

    private Units() {
    }

    /** {@code value} in {@code from} expressed in {@code to}; empty when the two do not convert. */
    public static Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        Scaled a = parse(from);
        Scaled b = parse(to);
        if (a == null || b == null || !a.base.equals(b.base)) {
            return Optional.empty();
        }
        if (a.factor.compareTo(b.factor) == 0) {
            return Optional.of(value);
        }
        return Optional.of(value.multiply(a.factor).divide(b.factor, java.math.MathContext.DECIMAL64).stripTrailingZeros());
    }

    /** Whether values in the two units can be compared. */
    public static boolean compatible(String a, String b) {
        return convert(BigDecimal.ONE, a, b).isPresent();
    }

    /**
     * An amount in 万元 as a summary writes it: 亿元 with one or two decimals from 1 亿 up
     * ({@code 61.5亿元}), otherwise 万元 ({@code 3500万元}).
     */
    public static String money(BigDecimal wanYuan) {
        if (wanYuan == null) {
            return "—";
        }
        if (wanYuan.abs().compareTo(WAN) >= 0) {
            return Numbers.plain(wanYuan.divide(WAN).setScale(2, java.math.RoundingMode.HALF_UP)) + "亿元";
        }
        return Numbers.plain(wanYuan.setScale(2, java.math.RoundingMode.HALF_UP)) + "万元";
    }

    private record Scaled(BigDecimal factor, String base) {
    }

    private static Scaled parse(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.strip();
        BigDecimal factor = BigDecimal.ONE;
        if (u.length() > 1 && u.startsWith("万")) {
            factor = WAN;
            u = u.substring(1);
        } else if (u.length() > 1 && u.startsWith("亿")) {
            factor = YI;
            u = u.substring(1);
        }
        u = ALIASES.getOrDefault(u.toLowerCase(java.util.Locale.ROOT), u);
        return u.isEmpty() ? null : new Scaled(factor, u);
    }
}
