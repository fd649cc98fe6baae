package cn.jiaoyun.core.indicators;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which source serves a period when quarter, half-year and year totals exist beside the months:
 * months win when all are known, totals fill what the months cannot, a total never serves a period
 * it sticks out of, and a disagreement between a total and its months is flagged.
 */
class PeriodTotalsTest {

    private static final YearMonth JAN = YearMonth.of(2023, 1);
    private static final YearMonth JUN = YearMonth.of(2023, 6);
    private static final YearMonth DEC = YearMonth.of(2023, 12);

    private static PeriodTotals.Total total(String period, String value) {
        return new PeriodTotals.Total("x", 2023, period, new BigDecimal(value), null, null);
    }

    private static PeriodTotals.Total ratio(String period, String numerator, String denominator) {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        return new PeriodTotals.Total("x", 2023, period, PeriodTotals.rate(n, d, "%"), n, d);
    }

    private static List<Figures.Month> months(int first, String... values) {
        List<Figures.Month> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Figures.Month(YearMonth.of(2023, first + i), new BigDecimal(values[i]), null, null, false));
        }
        return out;
    }

    private static Figures.Period sum(YearMonth from, YearMonth through, List<Figures.Month> months,
                                      PeriodTotals.Total... totals) {
        return PeriodTotals.serve("SUM", "万元", from, through, months, List.of(totals)).period();
    }

    @Test
    void aYearGivenOnlyAsAYearTotalIsCompleteForTheYearAndUnknownForAnyShorterPeriod() {
        PeriodTotals.Total year = total("Y", "120000");
        Figures.Period whole = sum(JAN, DEC, List.of(), year);
        assertThat(whole.value()).isEqualByComparingTo("120000");
        assertThat(whole.complete()).isTrue();
        assertThat(whole.known()).isEqualTo(12);

        assertThat(sum(JAN, JUN, List.of(), year).value()).as("1–6月").isNull();
        assertThat(sum(JAN, JUN, List.of(), year).complete()).isFalse();
        assertThat(sum(JAN, YearMonth.of(2023, 11), List.of(), year).complete()).as("1–11月").isFalse();
        assertThat(sum(YearMonth.of(2023, 3), YearMonth.of(2023, 3), List.of(), year).value()).as("March").isNull();

        // year on year against last year's months, and completion of the annual target
        List<Figures.Month> lastYear = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            lastYear.add(new Figures.Month(YearMonth.of(2022, m), new BigDecimal("8000"), null, null, false));
        }
        Figures.Period before = PeriodTotals.serve("SUM", "万元", JAN.minusYears(1), DEC.minusYears(1), lastYear,
                List.of(year)).period();
        assertThat(Figures.yearOnYear("万元", whole, before)).isEqualByComparingTo("25");
        assertThat(Figures.completion(whole.value(), new BigDecimal("100000"))).isEqualByComparingTo("120");
    }

    @Test
    void aHalfYearTotalServesJanuaryToJuneAndWithTheLaterMonthsTheYear() {
        PeriodTotals.Total h1 = total("H1", "50000");
        List<Figures.Month> later = months(7, "5000", "5000", "6000", "6000", "7000", "8000");
        Figures.Period firstHalf = sum(JAN, JUN, later, h1);
        assertThat(firstHalf.value()).isEqualByComparingTo("50000");
        assertThat(firstHalf.complete()).isTrue();
        PeriodTotals.Served year = PeriodTotals.serve("SUM", "万元", JAN, DEC, later, List.of(h1));
        assertThat(year.period().value()).isEqualByComparingTo("87000");
        assertThat(year.period().complete()).isTrue();
        assertThat(year.sources()).containsExactly("H1", "7", "8", "9", "10", "11", "12");

        Figures.Period throughSeptember = sum(JAN, YearMonth.of(2023, 9), months(7, "5000", "5000"), h1);
        assertThat(throughSeptember.value()).as("H1 + July + August, September missing").isEqualByComparingTo("60000");
        assertThat(throughSeptember.known()).isEqualTo(8);
        assertThat(throughSeptember.complete()).isFalse();

        assertThat(sum(JAN, YearMonth.of(2023, 3), List.of(), h1).value()).as("H1 does not serve 1–3月").isNull();
    }

    @Test
    void quartersAddUpToHalvesAndTheYearAndTheFinestCoverServes() {
        PeriodTotals.Total q1 = total("Q1", "100");
        PeriodTotals.Total q2 = total("Q2", "200");
        PeriodTotals.Total q3 = total("Q3", "300");
        PeriodTotals.Total q4 = total("Q4", "400");
        assertThat(sum(JAN, DEC, List.of(), q1, q2, q3, q4).value()).isEqualByComparingTo("1000");
        assertThat(sum(JAN, DEC, List.of(), q1, q2, q3, q4).complete()).isTrue();
        assertThat(sum(JAN, JUN, List.of(), q1, q2).value()).as("Q1 + Q2 serve 1–6月").isEqualByComparingTo("300");
        assertThat(sum(JAN, YearMonth.of(2023, 3), List.of(), q1).complete()).isTrue();
        PeriodTotals.Served both = PeriodTotals.serve("SUM", "万元", JAN, JUN, List.of(),
                List.of(total("H1", "999"), q1, q2));
        assertThat(both.sources()).as("quarters are finer than the half-year").containsExactly("Q1", "Q2");
        PeriodTotals.Served mixed = PeriodTotals.serve("SUM", "万元", JAN, DEC, months(1, "30", "30", "40"),
                List.of(total("H1", "350"), total("H2", "700"), q2));
        assertThat(mixed.sources()).as("months before quarters before halves")
                .containsExactly("1", "2", "3", "Q2", "H2");
        assertThat(mixed.period().value()).isEqualByComparingTo("1000");
    }

    @Test
    void monthsWinWhenAllAreKnownAndADisagreementIsFlaggedWithBothFigures() {
        List<Figures.Month> all = months(1, "8000", "8000", "8000", "8000", "8000", "8000");
        PeriodTotals.Total h1 = total("H1", "50000");
        PeriodTotals.Served served = PeriodTotals.serve("SUM", "万元", JAN, JUN, all, List.of(h1));
        assertThat(served.period().value()).isEqualByComparingTo("48000");
        assertThat(served.sources()).isEmpty();
        List<PeriodTotals.Shown> shown = PeriodTotals.shown("SUM", "万元", 2023, all, List.of(h1, total("Y", "99000")));
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).period()).isEqualTo("H1");
        assertThat(shown.get(0).value()).isEqualByComparingTo("50000");
        assertThat(shown.get(0).months()).isEqualByComparingTo("48000");
        assertThat(shown.get(0).disagrees()).isTrue();
        assertThat(shown.get(1).months()).as("the year's months are not all known").isNull();
        assertThat(shown.get(1).disagrees()).isFalse();

        assertThat(PeriodTotals.shown("SUM", "万元", 2023, all, List.of(total("H1", "48000"))).get(0).disagrees())
                .isFalse();
        assertThat(PeriodTotals.disagree(new BigDecimal("58.1333"), new BigDecimal("58.13")))
                .as("a total written with two decimals agrees with months that round to it").isFalse();
        assertThat(PeriodTotals.disagree(new BigDecimal("614970"), new BigDecimal("615000"))).isTrue();
    }

    @Test
    void ratiosAddTheirPartsAndATypedRateServesOnlyAlone() {
        List<Figures.Month> later = new ArrayList<>();
        for (int m = 7; m <= 12; m++) {
            later.add(new Figures.Month(YearMonth.of(2023, m), new BigDecimal("50"), new BigDecimal("5"),
                    new BigDecimal("10"), false));
        }
        Figures.Period year = PeriodTotals.serve("RATIO", "%", JAN, DEC, later, List.of(ratio("H1", "90", "100")))
                .period();
        assertThat(year.value()).as("(90 + 30) / (100 + 60)").isEqualByComparingTo("75");
        assertThat(year.complete()).isTrue();

        PeriodTotals.Total typed = total("H1", "58.13");
        Figures.Period half = PeriodTotals.serve("RATIO", "%", JAN, JUN, List.of(), List.of(typed)).period();
        assertThat(half.value()).isEqualByComparingTo("58.13");
        assertThat(half.complete()).isTrue();
        Figures.Period mixed = PeriodTotals.serve("RATIO", "%", JAN, DEC, later, List.of(typed)).period();
        assertThat(mixed.value()).as("a typed rate has no weight to add to months").isNull();
        assertThat(mixed.complete()).isFalse();
        assertThat(PeriodTotals.serve("RATIO", "%", JAN, DEC, List.of(), List.of(total("Y", "61.2"))).period().value())
                .isEqualByComparingTo("61.2");
    }

    @Test
    void averagesWeighTheirPiecesAndLastTakesATotalEndingWithThePeriod() {
        Figures.Period avg = PeriodTotals.serve("AVERAGE", "%", JAN, DEC, months(7, "20", "20", "20", "20", "20", "20"),
                List.of(total("H1", "10"))).period();
        assertThat(avg.value()).isEqualByComparingTo("15");
        Figures.Period last = PeriodTotals.serve("LAST", "辆", JAN, DEC, months(1, "300"), List.of(total("Y", "320"),
                total("H2", "320"))).period();
        assertThat(last.value()).isEqualByComparingTo("320");
        assertThat(last.complete()).isTrue();
        assertThat(PeriodTotals.serve("LAST", "辆", JAN, JUN, months(1, "300"), List.of(total("Y", "320"))).period()
                .complete()).isFalse();
    }

    @Test
    void withoutTotalsTheMonthsAloneServeAsBefore() {
        List<Figures.Month> some = months(1, "10", "20");
        assertThat(PeriodTotals.withTotals("SUM", "万元", JAN, JUN, some, List.of())).isNull();
        assertThat(PeriodTotals.serve("SUM", "万元", JAN, JUN, some, List.of()).period())
                .isEqualTo(Figures.over("SUM", "万元", JAN, JUN, some));
        assertThat(PeriodTotals.Span.parse("h1")).contains(PeriodTotals.Span.H1);
        assertThat(PeriodTotals.Span.parse("H3")).isEmpty();
        assertThat(PeriodTotals.Span.parse("Q5")).isEmpty();
    }
}
