package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugins.rural.GoodRoadRate.Inspection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoodRoadRateTest {

    private static Inspection i(long segment, String adminClass, String km, String date, String rating) {
        return new Inspection(segment, adminClass, new BigDecimal(km), LocalDate.parse(date), rating);
    }

    private static final LocalDate JAN = LocalDate.parse("2023-01-01");
    private static final LocalDate DEC = LocalDate.parse("2023-12-31");

    @Test
    void theRateWeighsSegmentsByKmAndTakesEachSegmentsLatestInspectionInThePeriod() {
        var rates = GoodRoadRate.of(List.of(
                i(1, "COUNTY", "12", "2023-03-01", "FAIR"),
                i(1, "COUNTY", "12", "2023-09-01", "GOOD"),      // the latest: counts as good
                i(2, "COUNTY", "3", "2023-05-01", "EXCELLENT"),
                i(3, "VILLAGE", "0.8", "2023-06-01", "GOOD"),
                i(3, "VILLAGE", "0.8", "2023-11-01", "POOR"),     // the latest: poor
                i(4, "VILLAGE", "1.2", "2023-04-01", "BAD")), JAN, DEC);
        assertThat(rates.get("COUNTY").numerator()).isEqualByComparingTo("15");
        assertThat(rates.get("COUNTY").denominator()).isEqualByComparingTo("15");
        assertThat(rates.get("COUNTY").percent()).isEqualByComparingTo("100.0");
        assertThat(rates.get("VILLAGE").numerator()).isEqualByComparingTo("0");
        assertThat(rates.get("VILLAGE").denominator()).isEqualByComparingTo("2.0");
        assertThat(rates.get("ALL").percent()).isEqualByComparingTo("88.2"); // 15 / 17
        assertThat(rates.get("TOWNSHIP").percent()).as("nothing inspected: unknown").isNull();
    }

    @Test
    void inspectionsOutsideThePeriodDoNotCount() {
        var rates = GoodRoadRate.of(List.of(
                i(1, "TOWNSHIP", "5", "2022-12-31", "BAD"),
                i(1, "TOWNSHIP", "5", "2023-02-01", "GOOD"),
                i(1, "TOWNSHIP", "5", "2024-01-01", "BAD"),
                i(2, "TOWNSHIP", "5", "2023-07-01", "FAIR")), JAN, LocalDate.parse("2023-06-30"));
        assertThat(rates.get("TOWNSHIP").numerator()).isEqualByComparingTo("5");
        assertThat(rates.get("TOWNSHIP").denominator()).isEqualByComparingTo("5");
        assertThat(GoodRoadRate.of(List.of(), JAN, DEC).get("ALL").percent()).isNull();
    }
}
