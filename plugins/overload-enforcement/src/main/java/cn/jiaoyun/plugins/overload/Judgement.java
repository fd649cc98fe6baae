package cn.jiaoyun.plugins.overload;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The judgement of one weigh-in-motion pass.
 *
 * <ul>
 *   <li>{@code overKg = gross − limit}; {@code overPercent = overKg ÷ limit × 100}, two decimals.</li>
 *   <li>At or under the limit: {@link Outcome#WITHIN}. Over it by no more than the device's
 *       tolerance ({@code limit × tolerance%}): {@link Outcome#TOLERATED}, no case.</li>
 *   <li>Beyond the tolerance by up to 1,000 kg: {@link Outcome#WARNING} (Art. 43: a warning, no fine).
 *       Beyond 1,000 kg: {@link Outcome#CASE}, fined ¥500 for each full 1,000 kg over, at most ¥30,000.
 *       The fine is computed on the whole overload, not on the part beyond the tolerance.</li>
 *   <li>Severe: "超限100%以上" when gross ≥ 2 × limit; "百吨王" when gross ≥ the bureau's threshold (100 t).</li>
 * </ul>
 */
public record Judgement(int limitKg, int overKg, BigDecimal overPercent, Outcome outcome, int fineYuan,
                        boolean doubleLimit, boolean hundredTonne) {

    /** What a pass amounts to. */
    public enum Outcome {
        WITHIN, TOLERATED, WARNING, CASE;

        public boolean overloaded() {
            return this == WARNING || this == CASE;
        }
    }

    static final int WARNING_ONLY_KG = 1_000;
    static final int FINE_PER_1000_KG = 500;
    static final int MAX_FINE = 30_000;

    /** Judges a pass of {@code grossKg} against {@code limitKg}. */
    public static Judgement of(int grossKg, int limitKg, BigDecimal tolerancePercent, int hundredTonneKg) {
        if (grossKg <= 0) {
            throw new IllegalArgumentException("gross mass must be positive, was " + grossKg);
        }
        int over = grossKg - limitKg;
        BigDecimal percent = BigDecimal.valueOf(over).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(limitKg), 2, RoundingMode.HALF_UP);
        BigDecimal toleratedKg = BigDecimal.valueOf(limitKg).multiply(tolerancePercent).divide(BigDecimal.valueOf(100));
        Outcome outcome;
        if (over <= 0) {
            outcome = Outcome.WITHIN;
        } else if (BigDecimal.valueOf(over).compareTo(toleratedKg) <= 0) {
            outcome = Outcome.TOLERATED;
        } else if (over <= WARNING_ONLY_KG) {
            outcome = Outcome.WARNING;
        } else {
            outcome = Outcome.CASE;
        }
        return new Judgement(limitKg, Math.max(over, 0), over > 0 ? percent : BigDecimal.ZERO.setScale(2),
                outcome, outcome == Outcome.CASE ? fine(over) : 0,
                grossKg >= 2L * limitKg, grossKg >= hundredTonneKg);
    }

    /** Art. 43: ¥500 for each full 1,000 kg over, at most ¥30,000; nothing up to 1,000 kg. */
    public static int fine(int overKg) {
        if (overKg <= WARNING_ONLY_KG) {
            return 0;
        }
        return Math.min(MAX_FINE, (overKg / 1_000) * FINE_PER_1000_KG);
    }
}
