package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugins.rural.YearToDate.Flag;
import cn.jiaoyun.plugins.rural.YearToDate.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YearToDateTest {

    private static BigDecimal[] months(String... values) {
        BigDecimal[] out = new BigDecimal[12];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : new BigDecimal(values[i]);
        }
        return out;
    }

    @Test
    void aYearToDateSumsEveryMonthUpToTheMonthAndComparesWithLastYearsSamePeriod() {
        var r = YearToDate.total(months("10", "0", "12.5", "99"), months("8", "2", "10", "1"), 3);
        assertThat(r.month()).isEqualByComparingTo("12.5");
        assertThat(r.yearToDate()).isEqualByComparingTo("22.5");
        assertThat(r.lastYearToDate()).isEqualByComparingTo("20");
        assertThat(r.yoy()).isEqualByComparingTo("12.5");
        assertThat(r.yoyInPoints()).isFalse();
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void aMissingMonthMakesTheYearToDateAndTheChangeUnknownNotSmaller() {
        var r = YearToDate.total(months("10", null, "12", null), months("8", "2", "10"), 3);
        assertThat(r.yearToDate()).isNull();
        assertThat(r.lastYearToDate()).isEqualByComparingTo("20");
        assertThat(r.yoy()).isNull();
        assertThat(r.missingMonths()).containsExactly(2);
        assertThat(r.flags()).containsExactly(Flag.MONTHS_MISSING);
        // a month after the asked one does not count
        assertThat(YearToDate.total(months("10", "1", "12", null), months("8", "2", "10"), 3).yearToDate())
                .isEqualByComparingTo("23");
    }

    @Test
    void theMonthItselfUnknownIsFlaggedAndLastYearsGapsAreNamed() {
        var r = YearToDate.total(months("1", "1", null), months(null, "2", null), 3);
        assertThat(r.month()).isNull();
        assertThat(r.flags()).containsExactly(Flag.MONTH_MISSING, Flag.MONTHS_MISSING, Flag.LAST_YEAR_MONTHS_MISSING);
        assertThat(r.missingMonths()).containsExactly(3);
        assertThat(r.missingLastYear()).containsExactly(1, 3);
        assertThat(r.lastYearToDate()).isNull();
    }

    @Test
    void noChangeAgainstAZeroBase() {
        var r = YearToDate.total(months("5", "3"), months("0", "0"), 2);
        assertThat(r.yearToDate()).isEqualByComparingTo("8");
        assertThat(r.lastYearToDate()).isEqualByComparingTo("0");
        assertThat(r.yoy()).isNull();
        assertThat(r.flags()).containsExactly(Flag.LAST_YEAR_ZERO);
    }

    @Test
    void theChangeIsRoundedHalfUpToOneDecimal() {
        // (2 - 3) / 3 = -33.333… %
        assertThat(YearToDate.total(months("2"), months("3"), 1).yoy()).isEqualByComparingTo("-33.3");
        // (107 - 64) / 64 = 67.1875 %
        assertThat(YearToDate.total(months("107"), months("64"), 1).yoy()).isEqualByComparingTo("67.2");
        // (1.0005 - 1) / 1 = 0.05 % → 0.1 (half up)
        assertThat(YearToDate.total(months("1.0005"), months("1"), 1).yoy()).isEqualByComparingTo("0.1");
        // a fall to zero is -100 %
        assertThat(YearToDate.total(months("0"), months("4"), 1).yoy()).isEqualByComparingTo("-100.0");
    }

    @Test
    void aRateComparesInPercentagePointsAndIsUnknownWithoutInspection() {
        var r = YearToDate.rate(new Ratio(new BigDecimal("8"), new BigDecimal("10")),
                new Ratio(new BigDecimal("85"), new BigDecimal("100")), new Ratio(new BigDecimal("2"), new BigDecimal("3")));
        assertThat(r.month()).isEqualByComparingTo("80.0");
        assertThat(r.yearToDate()).isEqualByComparingTo("85.0");
        assertThat(r.lastYearToDate()).isEqualByComparingTo("66.7");
        assertThat(r.yoy()).isEqualByComparingTo("18.3");
        assertThat(r.yoyInPoints()).isTrue();

        var none = YearToDate.rate(Ratio.NONE, new Ratio(BigDecimal.ZERO, BigDecimal.ZERO), new Ratio(BigDecimal.ONE, BigDecimal.ONE));
        assertThat(none.month()).isNull();
        assertThat(none.yearToDate()).isNull();
        assertThat(none.yoy()).isNull();
        assertThat(none.flags()).containsExactly(Flag.MONTH_MISSING, Flag.NO_INSPECTION);
    }

    @Test
    void monthsOutsideTheYearAreRefused() {
        assertThatThrownBy(() -> YearToDate.total(months(), months(), 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YearToDate.total(new BigDecimal[3], months(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
