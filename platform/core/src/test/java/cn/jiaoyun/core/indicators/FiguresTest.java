package cn.jiaoyun.core.indicators;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods, year on year and completion, with months missing, withheld and zero. */
class FiguresTest {

    private static final YearMonth JAN = YearMonth.of(2023, 1);

    private static Figures.Month m(int month, String value) {
        return new Figures.Month(YearMonth.of(2023, month), value == null ? null : new BigDecimal(value), null, null, false);
    }

    private static Figures.Month ratio(int month, String numerator, String denominator) {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        return new Figures.Month(YearMonth.of(2023, month), n.divide(d, java.math.MathContext.DECIMAL64).multiply(BigDecimal.valueOf(100)), n, d, false);
    }

    private static List<Figures.Month> months(String... values) {
        List<Figures.Month> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.add(m(i + 1, values[i]));
            }
        }
        return out;
    }

    @Test
    void aSumAddsTheMonthsAndIsCompleteOnlyWithAllOfThem() {
        Figures.Period q1 = Figures.over("SUM", "万元", JAN, YearMonth.of(2023, 3), months("10", "20.5", "30"));
        assertThat(q1.value()).isEqualByComparingTo("60.5");
        assertThat(q1.complete()).isTrue();
        assertThat(q1.known()).isEqualTo(3);

        Figures.Period gap = Figures.over("SUM", "万元", JAN, YearMonth.of(2023, 3), months("10", null, "30"));
        assertThat(gap.value()).as("what is known is shown").isEqualByComparingTo("40");
        assertThat(gap.complete()).isFalse();
        assertThat(gap.known()).isEqualTo(2);
        assertThat(gap.months()).isEqualTo(3);
    }

    @Test
    void monthsOutsideThePeriodDoNotCount() {
        Figures.Period feb = Figures.over("SUM", "万吨", YearMonth.of(2023, 2), YearMonth.of(2023, 2), months("10", "20", "30"));
        assertThat(feb.value()).isEqualByComparingTo("20");
        assertThat(feb.complete()).isTrue();
    }

    @Test
    void nothingKnownIsUnknownNotZero() {
        Figures.Period none = Figures.over("SUM", "万元", JAN, YearMonth.of(2023, 6), List.of());
        assertThat(none.value()).isNull();
        assertThat(none.complete()).isFalse();
        Figures.Period zero = Figures.over("SUM", "万元", JAN, JAN, months("0"));
        assertThat(zero.value()).isEqualByComparingTo("0");
        assertThat(zero.complete()).isTrue();
    }

    @Test
    void aWithheldMonthIsUnknown() {
        List<Figures.Month> values = new ArrayList<>(months("5", null));
        values.add(new Figures.Month(YearMonth.of(2023, 2), null, null, null, true));
        Figures.Period p = Figures.over("SUM", "件", JAN, YearMonth.of(2023, 2), values);
        assertThat(p.value()).isEqualByComparingTo("5");
        assertThat(p.complete()).isFalse();
    }

    @Test
    void averageAndLast() {
        Figures.Period avg = Figures.over("AVERAGE", "%", JAN, YearMonth.of(2023, 3), months("20", "25", "30"));
        assertThat(avg.value()).isEqualByComparingTo("25");
        Figures.Period last = Figures.over("LAST", "个", JAN, YearMonth.of(2023, 3), months("7", "9", "12"));
        assertThat(last.value()).isEqualByComparingTo("12");
        assertThat(last.complete()).isTrue();
        Figures.Period stale = Figures.over("LAST", "个", JAN, YearMonth.of(2023, 4), months("7", "9", "12"));
        assertThat(stale.value()).isEqualByComparingTo("12");
        assertThat(stale.complete()).as("April itself is not known").isFalse();
    }

    @Test
    void aRatioDividesTheSumsNotTheAverageOfRates() {
        // January 1 of 2 (50 %), February 9 of 10 (90 %): the period is 10 of 12, not 70 %
        List<Figures.Month> values = List.of(ratio(1, "1", "2"), ratio(2, "9", "10"));
        Figures.Period p = Figures.over("RATIO", "%", JAN, YearMonth.of(2023, 2), values);
        assertThat(p.value()).isCloseTo(new BigDecimal("83.3333"), org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
        assertThat(p.complete()).isTrue();
    }

    @Test
    void yearOnYearNeedsTwoCompletePeriodsAndABase() {
        Figures.Period now = new Figures.Period(new BigDecimal("169.9"), 9, 9, true);
        Figures.Period before = new Figures.Period(new BigDecimal("100"), 9, 9, true);
        assertThat(Figures.yearOnYear("万元", now, before)).isEqualByComparingTo("69.9");
        assertThat(Figures.yearOnYear("万元", before, now)).isCloseTo(new BigDecimal("-41.14"),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));

        Figures.Period incomplete = new Figures.Period(new BigDecimal("100"), 8, 9, false);
        assertThat(Figures.yearOnYear("万元", now, incomplete)).isNull();
        assertThat(Figures.yearOnYear("万元", incomplete, before)).isNull();
        assertThat(Figures.yearOnYear("万元", now, new Figures.Period(BigDecimal.ZERO, 9, 9, true))).as("zero base").isNull();
        assertThat(Figures.yearOnYear("万元", now, new Figures.Period(null, 0, 9, false))).isNull();
        Figures.Period negative = new Figures.Period(new BigDecimal("-50"), 9, 9, true);
        assertThat(Figures.yearOnYear("万元", new Figures.Period(new BigDecimal("-25"), 9, 9, true), negative))
                .as("a loss halved is an improvement").isEqualByComparingTo("50");
    }

    @Test
    void aRateChangesInPoints() {
        Figures.Period now = new Figures.Period(new BigDecimal("77.5"), 12, 12, true);
        Figures.Period before = new Figures.Period(new BigDecimal("70"), 12, 12, true);
        assertThat(Figures.yearOnYear("%", now, before)).isEqualByComparingTo("7.5");
    }

    @Test
    void completionOfTheAnnualTarget() {
        assertThat(Numbers.rounded(Figures.completion(new BigDecimal("637000"), new BigDecimal("615000")), 1)).isEqualTo("103.6");
        assertThat(Figures.completion(null, BigDecimal.TEN)).isNull();
        assertThat(Figures.completion(BigDecimal.TEN, BigDecimal.ZERO)).isNull();
    }

    @Test
    void unitsConvertWithinTheirBase() {
        assertThat(Units.convert(new BigDecimal("61.5"), "亿元", "万元")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("615000"));
        assertThat(Units.convert(new BigDecimal("3500"), "万元", "亿元")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.35"));
        assertThat(Units.convert(new BigDecimal("8"), "万TEU", "TEU")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("80000"));
        assertThat(Units.convert(new BigDecimal("12"), "km", "公里")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12"));
        assertThat(Units.convert(new BigDecimal("1715"), "万吨", "吨")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("17150000"));
        assertThat(Units.convert(BigDecimal.ONE, "万元", "万吨")).isEmpty();
        assertThat(Units.convert(BigDecimal.ONE, "%", "万元")).isEmpty();
        assertThat(Units.compatible("万人次", "人次")).isTrue();
        assertThat(Units.money(new BigDecimal("615000"))).isEqualTo("61.5亿元");
        assertThat(Units.money(new BigDecimal("3500"))).isEqualTo("3500万元");
    }
}
