package cn.jiaoyun.plugins.overload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Limits and judgement at their boundaries. */
class JudgementTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("5");
    private static final int HUNDRED_TONNES = 100_000;

    @ParameterizedTest
    @CsvSource({
            "2, TRUCK, , 18000",
            "2, COMBINATION, , 18000",
            "3, TRUCK, , 25000",
            "3, COMBINATION, , 27000",
            "4, TRUCK, , 31000",
            "4, COMBINATION, , 36000",
            "5, COMBINATION, , 43000",
            "6, COMBINATION, false, 49000",
            "6, COMBINATION, , 49000",
            "6, COMBINATION, true, 46000",
            "7, COMBINATION, true, 46000",
            "8, COMBINATION, false, 49000"})
    void limitsOfArticleThree(int axles, VehicleKind kind, Boolean singleDrive, int limit) {
        assertThat(GrossLimits.limitKg(axles, kind, singleDrive)).isEqualTo(limit);
    }

    @Test
    void vehiclesTheArticleDoesNotCoverAreRefusedNotGuessed() {
        assertThatThrownBy(() -> GrossLimits.limitKg(null, VehicleKind.TRUCK, null))
                .isInstanceOf(GrossLimits.NoLimit.class).hasMessageContaining("unknown");
        assertThatThrownBy(() -> GrossLimits.limitKg(1, VehicleKind.TRUCK, null)).isInstanceOf(GrossLimits.NoLimit.class);
        assertThatThrownBy(() -> GrossLimits.limitKg(5, VehicleKind.TRUCK, null))
                .isInstanceOf(GrossLimits.NoLimit.class).hasMessageContaining("five-axle truck");
        assertThatThrownBy(() -> GrossLimits.limitKg(3, null, null))
                .isInstanceOfSatisfying(GrossLimits.NoLimit.class, e -> assertThat(e.chinese()).contains("货车或汽车列车"));
    }

    @Test
    void exactlyAtTheLimitIsWithin() {
        Judgement j = Judgement.of(49_000, 49_000, TOLERANCE, HUNDRED_TONNES);
        assertThat(j.outcome()).isEqualTo(Judgement.Outcome.WITHIN);
        assertThat(j.overKg()).isZero();
        assertThat(j.fineYuan()).isZero();
    }

    @Test
    void withinTheDevicesToleranceIsNoCase() {
        // 5 % of 49,000 kg = 2,450 kg
        Judgement atTolerance = Judgement.of(51_450, 49_000, TOLERANCE, HUNDRED_TONNES);
        assertThat(atTolerance.outcome()).isEqualTo(Judgement.Outcome.TOLERATED);
        assertThat(atTolerance.overKg()).isEqualTo(2_450);
        assertThat(Judgement.of(51_451, 49_000, TOLERANCE, HUNDRED_TONNES).outcome()).isEqualTo(Judgement.Outcome.CASE);
    }

    @Test
    void upToOneTonneOverBeyondToleranceIsAWarning() {
        Judgement warning = Judgement.of(19_000, 18_000, BigDecimal.ZERO, HUNDRED_TONNES);
        assertThat(warning.outcome()).isEqualTo(Judgement.Outcome.WARNING);
        assertThat(warning.fineYuan()).isZero();
        Judgement justOver = Judgement.of(19_001, 18_000, BigDecimal.ZERO, HUNDRED_TONNES);
        assertThat(justOver.outcome()).isEqualTo(Judgement.Outcome.CASE);
        assertThat(justOver.fineYuan()).isEqualTo(500);
    }

    @Test
    void finesArePerFullTonneAndCapped() {
        assertThat(Judgement.fine(1_000)).isZero();
        assertThat(Judgement.fine(1_999)).isEqualTo(500);
        assertThat(Judgement.fine(2_000)).isEqualTo(1_000);
        assertThat(Judgement.fine(59_999)).isEqualTo(29_500);
        assertThat(Judgement.fine(60_000)).isEqualTo(30_000);
        assertThat(Judgement.fine(200_000)).isEqualTo(30_000);
    }

    @Test
    void sixAxlesWithASingleDriveAxleAreJudgedAgainst46Tonnes() {
        int limit = GrossLimits.limitKg(6, VehicleKind.COMBINATION, true);
        Judgement j = Judgement.of(48_000, limit, BigDecimal.ZERO, HUNDRED_TONNES);
        assertThat(j.outcome()).isEqualTo(Judgement.Outcome.CASE);
        assertThat(j.overKg()).isEqualTo(2_000);
        assertThat(j.overPercent()).isEqualByComparingTo("4.35");
        assertThat(Judgement.of(48_000, GrossLimits.limitKg(6, VehicleKind.COMBINATION, false), BigDecimal.ZERO,
                HUNDRED_TONNES).outcome()).isEqualTo(Judgement.Outcome.WITHIN);
    }

    @Test
    void severeOverloads() {
        Judgement doubled = Judgement.of(36_000, 18_000, TOLERANCE, HUNDRED_TONNES);
        assertThat(doubled.doubleLimit()).isTrue();
        assertThat(doubled.overPercent()).isEqualByComparingTo("100.00");
        assertThat(Judgement.of(35_999, 18_000, TOLERANCE, HUNDRED_TONNES).doubleLimit()).isFalse();
        assertThat(Judgement.of(100_000, 49_000, TOLERANCE, HUNDRED_TONNES).hundredTonne()).isTrue();
        assertThat(Judgement.of(99_999, 49_000, TOLERANCE, HUNDRED_TONNES).hundredTonne()).isFalse();
    }
}
