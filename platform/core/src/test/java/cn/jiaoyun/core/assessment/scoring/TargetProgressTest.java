package cn.jiaoyun.core.assessment.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static cn.jiaoyun.core.assessment.extraction.Comparator.AT_LEAST;
import static cn.jiaoyun.core.assessment.extraction.Comparator.AT_MOST;
import static cn.jiaoyun.core.assessment.extraction.Comparator.EQUAL;
import static cn.jiaoyun.core.assessment.extraction.Comparator.MORE_THAN;
import static org.assertj.core.api.Assertions.assertThat;

class TargetProgressTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void anAtLeastTargetKeepsPaceWithTheTimeElapsed() {
        // 18 lanes by the end of the year; at the end of June half of them are due
        LocalDate endOfJune = LocalDate.of(2020, 6, 30);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("18"), d("9"), null, null, 2020, endOfJune)).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("18"), d("6"), null, null, 2020, endOfJune)).isEqualTo(TargetStatus.BEHIND);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("18"), d("18"), null, null, 2020, endOfJune)).isEqualTo(TargetStatus.MET);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("18"), d("17"), null, null, 2020, LocalDate.of(2021, 1, 1)))
                .isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void aDeadlineInTheYearIsHonoured() {
        // 6月底公交车驾驶区隔离装置安装率达100%
        assertThat(TargetProgress.evaluate(AT_LEAST, d("100"), d("95"), 6, null, 2020, LocalDate.of(2020, 6, 30)))
                .isEqualTo(TargetStatus.BEHIND);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("100"), d("95"), 6, null, 2020, LocalDate.of(2020, 7, 1)))
                .isEqualTo(TargetStatus.NOT_MET);
        assertThat(TargetProgress.deadline(2020, 2, 31)).isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @Test
    void anAtMostTargetIsMetOrBehindUntilItsDeadline() {
        // 高速公路超限率控制在0.5%以下
        assertThat(TargetProgress.evaluate(AT_MOST, d("0.5"), d("0.42"), null, null, 2020, LocalDate.of(2020, 5, 1)))
                .isEqualTo(TargetStatus.MET);
        assertThat(TargetProgress.evaluate(AT_MOST, d("0.5"), d("0.61"), null, null, 2020, LocalDate.of(2020, 5, 1)))
                .isEqualTo(TargetStatus.BEHIND);
        assertThat(TargetProgress.evaluate(AT_MOST, d("0.5"), d("0.61"), null, null, 2020, LocalDate.of(2021, 1, 2)))
                .isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void unknownFiguresAndMissingReportsAreNotGuessed() {
        assertThat(TargetProgress.evaluate(AT_LEAST, null, d("3"), null, null, 2020, LocalDate.of(2020, 5, 1)))
                .as("a hidden figure (x.xx亿元) cannot be judged").isEqualTo(TargetStatus.NO_DATA);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("5"), null, null, null, 2020, LocalDate.of(2020, 5, 1)))
                .isEqualTo(TargetStatus.NO_DATA);
        assertThat(TargetProgress.evaluate(AT_LEAST, d("5"), null, 3, null, 2020, LocalDate.of(2020, 5, 1)))
                .as("nothing reported after the deadline").isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void strictAndExactComparatorsAreExact() {
        assertThat(TargetProgress.evaluate(MORE_THAN, d("70"), d("70"), null, null, 2020, LocalDate.of(2021, 1, 5)))
                .isEqualTo(TargetStatus.NOT_MET);
        assertThat(TargetProgress.evaluate(EQUAL, d("5"), d("5.0"), null, null, 2020, LocalDate.of(2020, 3, 1)))
                .isEqualTo(TargetStatus.MET);
        assertThat(TargetStatus.BEHIND.colour()).isEqualTo("amber");
    }
}
