package cn.jiaoyun.plugins.port;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Year-to-date and year-on-year arithmetic with unknown months, a zero base and rounding. */
class YearOnYearTest {

    private final Map<YearMonth, BigDecimal> figures = new HashMap<>();

    private void put(String month, String value) {
        figures.put(YearMonth.parse(month), new BigDecimal(value));
    }

    private YearOnYear.Figure at(String month) {
        return YearOnYear.of(figures::get, YearMonth.parse(month));
    }

    @Test
    void aCompleteYearSumsItsMonthsAndComparesWithLastYear() {
        for (int m = 1; m <= 3; m++) {
            put("2022-0" + m, "40");
            put("2023-0" + m, "50");
        }
        YearOnYear.Figure f = at("2023-03");
        assertThat(f.month()).isEqualByComparingTo("50");
        assertThat(f.monthLastYear()).isEqualByComparingTo("40");
        assertThat(f.monthChange()).isEqualByComparingTo("25.0");
        assertThat(f.yearToDate()).isEqualByComparingTo("150");
        assertThat(f.lastYearToDate()).isEqualByComparingTo("120");
        assertThat(f.yearToDateChange()).isEqualByComparingTo("25.0");
        assertThat(f.missing()).isEmpty();
    }

    @Test
    void aMissingMonthMakesTheYearToDateUnknownNotSmaller() {
        put("2023-01", "50");
        put("2023-03", "55");
        for (int m = 1; m <= 3; m++) {
            put("2022-0" + m, "40");
        }
        YearOnYear.Figure f = at("2023-03");
        assertThat(f.month()).isEqualByComparingTo("55");
        assertThat(f.monthChange()).isEqualByComparingTo("37.5");
        assertThat(f.yearToDate()).isNull();
        assertThat(f.yearToDateChange()).isNull();
        assertThat(f.yearToDateWhy()).isEqualTo(YearOnYear.Reason.CURRENT_UNKNOWN);
        assertThat(f.lastYearToDate()).isEqualByComparingTo("120");
        assertThat(f.missing()).containsExactly(YearMonth.of(2023, 2));
    }

    @Test
    void aMissingMonthLastYearMakesTheChangeUnknownAndIsNamed() {
        put("2023-01", "50");
        put("2023-02", "60");
        put("2022-02", "30");
        YearOnYear.Figure f = at("2023-02");
        assertThat(f.yearToDate()).isEqualByComparingTo("110");
        assertThat(f.lastYearToDate()).isNull();
        assertThat(f.yearToDateChange()).isNull();
        assertThat(f.yearToDateWhy()).isEqualTo(YearOnYear.Reason.BASE_UNKNOWN);
        assertThat(f.monthChange()).isEqualByComparingTo("100.0");
        assertThat(f.missing()).containsExactly(YearMonth.of(2022, 1));
    }

    @Test
    void theMonthItselfUnknownLeavesEveryFigureOfItUnknown() {
        put("2022-01", "40");
        YearOnYear.Figure f = at("2023-01");
        assertThat(f.month()).isNull();
        assertThat(f.monthChange()).isNull();
        assertThat(f.monthWhy()).isEqualTo(YearOnYear.Reason.CURRENT_UNKNOWN);
        assertThat(f.yearToDate()).isNull();
        assertThat(f.missing()).containsExactly(YearMonth.of(2023, 1));
    }

    @Test
    void aZeroBaseGivesNoChangeButTheFiguresStand() {
        put("2022-07", "0");
        put("2023-07", "12.5");
        YearOnYear.Figure f = YearOnYear.of(m -> figures.getOrDefault(m, BigDecimal.ZERO), YearMonth.of(2023, 7));
        assertThat(f.month()).isEqualByComparingTo("12.5");
        assertThat(f.monthChange()).isNull();
        assertThat(f.monthWhy()).isEqualTo(YearOnYear.Reason.BASE_ZERO);
        assertThat(f.yearToDate()).isEqualByComparingTo("12.5");
        assertThat(f.yearToDateWhy()).isEqualTo(YearOnYear.Reason.BASE_ZERO);
    }

    @Test
    void changesAreRoundedHalfUpToOneDecimal() {
        assertThat(YearOnYear.change(new BigDecimal("1.00125"), BigDecimal.ONE)).isEqualByComparingTo("0.1");
        assertThat(YearOnYear.change(new BigDecimal("1.00149"), BigDecimal.ONE)).isEqualByComparingTo("0.1");
        assertThat(YearOnYear.change(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("-33.3");
        assertThat(YearOnYear.change(new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo("-66.7");
        assertThat(YearOnYear.change(new BigDecimal("45.67"), new BigDecimal("45.67"))).isEqualByComparingTo("0.0");
        assertThat(YearOnYear.change(null, BigDecimal.TEN)).isNull();
        assertThat(YearOnYear.change(BigDecimal.TEN, null)).isNull();
    }

    @Test
    void decimalsAddExactly() {
        put("2023-01", "0.1");
        put("2023-02", "0.2");
        assertThat(YearOnYear.sum(figures::get, YearMonth.of(2023, 1), YearMonth.of(2023, 2), new java.util.ArrayList<>()))
                .isEqualByComparingTo("0.3");
        List<YearMonth> missing = new java.util.ArrayList<>();
        assertThat(YearOnYear.sum(figures::get, YearMonth.of(2023, 1), YearMonth.of(2023, 4), missing)).isNull();
        assertThat(missing).containsExactly(YearMonth.of(2023, 3), YearMonth.of(2023, 4));
    }
}
