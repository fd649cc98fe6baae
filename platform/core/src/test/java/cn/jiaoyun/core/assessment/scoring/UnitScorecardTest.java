package cn.jiaoyun.core.assessment.scoring;

import cn.jiaoyun.core.assessment.scoring.ItemScore.Deduction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitScorecardTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aUnitsTotalIsReviewsLessDeductions() {
        UnitScorecard card = new UnitScorecard(1, "执法队", List.of(
                new ItemScore(10, d("4"), List.of(d("3.5")), List.of()),
                new ItemScore(11, d("2"), List.of(d("2")), List.of(new Deduction(7L, d("0.2"), null),
                        new Deduction(7L, d("0.2"), null))),
                new ItemScore(12, d("3"), List.of(), List.of())));

        assertThat(card.maxPoints()).isEqualByComparingTo("9");
        assertThat(card.reviewed()).isEqualByComparingTo("5.5");
        assertThat(card.deducted()).isEqualByComparingTo("0.4");
        assertThat(card.total()).isEqualByComparingTo("5.1");
        assertThat(card.itemsReviewed()).isEqualTo(2);
    }

    @Test
    void severalDepartmentsScoresAreAveragedAndHeldWithinThePoints() {
        ItemScore item = new ItemScore(1, d("4"), List.of(d("3"), d("4"), d("9")), List.of());
        assertThat(item.reviewScore()).as("9 is held to the item's 4 points").isEqualByComparingTo("3.67");
        assertThat(new ItemScore(2, d("4"), List.of(d("-1")), List.of()).reviewScore()).isEqualByComparingTo("0");
    }

    @Test
    void deductionsRespectTheRuleCapAndTheItemsPoints() {
        ItemScore capped = new ItemScore(1, d("2"), List.of(d("2")), List.of(
                new Deduction(5L, d("0.5"), d("1")), new Deduction(5L, d("0.5"), d("1")),
                new Deduction(5L, d("0.5"), d("1")), new Deduction(null, d("0.3"), null)));
        assertThat(capped.deducted()).as("rule 5 capped at 1, plus 0.3 direct").isEqualByComparingTo("1.3");
        assertThat(capped.net()).isEqualByComparingTo("0.7");

        ItemScore exhausted = new ItemScore(2, d("2"), List.of(d("1")), List.of(new Deduction(null, d("5"), null)));
        assertThat(exhausted.deducted()).as("never more than the item's points").isEqualByComparingTo("2");
        assertThat(exhausted.net()).isEqualByComparingTo("-1");
    }

    @Test
    void deductionsCountOnUnreviewedRoutineItemsButATotalNeverFallsBelowZero() {
        ItemScore reviewed = new ItemScore(1, d("4"), List.of(d("3")), List.of());
        ItemScore routine = new ItemScore(2, d("2"), List.of(), List.of(new Deduction(9L, d("0.2"), null),
                new Deduction(9L, d("0.3"), null)));
        assertThat(new UnitScorecard(1, "甲", List.of(reviewed, routine)).total()).isEqualByComparingTo("2.5");

        ItemScore heavy = new ItemScore(3, d("2"), List.of(), List.of(new Deduction(null, d("2"), null)));
        assertThat(new UnitScorecard(2, "乙", List.of(heavy)).total()).isEqualByComparingTo("0");
    }

    @Test
    void equalTotalsShareARankAndTheNextRankSkips() {
        UnitScorecard a = card(1, "甲", "50");
        UnitScorecard b = card(2, "乙", "55.5");
        UnitScorecard c = card(3, "丙", "50");
        UnitScorecard e = card(4, "丁", "40");

        List<UnitScorecard.Ranked> ranking = UnitScorecard.rank(List.of(a, b, c, e));

        assertThat(ranking).extracting(r -> r.scorecard().unitName() + r.rank())
                .containsExactly("乙1", "丙2", "甲2", "丁4");
    }

    private static UnitScorecard card(long id, String name, String score) {
        return new UnitScorecard(id, name, List.of(new ItemScore(id, d("60"), List.of(d(score)), List.of())));
    }
}
