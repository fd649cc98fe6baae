package cn.jiaoyun.core.assessment.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeductionRuleReaderTest {

    private final DeductionRuleReader reader = new DeductionRuleReader();

    @Test
    void readsEachRuleOfASentenceWithItsOwnCondition() {
        String text = "按照《绍兴市交通运输局行政效能督查与约谈实施办法（试行）》进行考核。未及时按领导批示要求办理公文，"
                + "或未在规定时限内完成工作，每次扣0.2分；逾期且多次催促仍未完成的，每次扣0.3分；"
                + "某项工作推进明显滞后被督查约谈的，每次扣0.5分。";
        List<DeductionRuleText> rules = reader.read(text, new BigDecimal("2"));

        assertThat(rules).extracting(DeductionRuleText::pointsPerOccurrence)
                .containsExactly(new BigDecimal("0.2"), new BigDecimal("0.3"), new BigDecimal("0.5"));
        assertThat(rules.get(0).condition()).isEqualTo("未及时按领导批示要求办理公文，或未在规定时限内完成工作");
        assertThat(rules.get(1).condition()).isEqualTo("逾期且多次催促仍未完成");
        assertThat(rules.get(2).condition()).isEqualTo("某项工作推进明显滞后被督查约谈");
        assertThat(rules).allMatch(r -> r.cap() == null);
        assertThat(text.substring(rules.get(1).start(), rules.get(1).end())).isEqualTo("逾期且多次催促仍未完成的，每次扣0.3分");
    }

    @Test
    void otherMeasuresThanOccurrencesCount() {
        List<DeductionRuleText> rules = reader.read("建议提案办理实现面商率、办结率、满意率3个100%。未达到的，每件扣0.1分。",
                new BigDecimal("2"));
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.pointsPerOccurrence()).isEqualByComparingTo("0.1");
            assertThat(r.condition()).isEqualTo("未达到");
        });
    }

    @Test
    void aCapInTheSameSentenceBoundsTheRule() {
        assertThat(reader.read("迟报统计报表的，每次扣0.5分，最多扣2分。", BigDecimal.TEN))
                .singleElement().extracting(DeductionRuleText::cap).isEqualTo(new BigDecimal("2"));
        assertThat(reader.read("发生一般安全事故的，每起扣1分，扣完为止。", new BigDecimal("3")))
                .singleElement().extracting(DeductionRuleText::cap).isEqualTo(new BigDecimal("3"));
        assertThat(reader.read("每发现一次扣0.2分。另：最多扣1分的规定见附件。", BigDecimal.TEN))
                .singleElement().extracting(DeductionRuleText::cap).as("a cap in another sentence is not this rule's")
                .isNull();
    }

    @Test
    void proportionalOrFigurelessDeductionsYieldNoRule() {
        assertThat(reader.read("按《信息工作考核办法》进行评分，未达到考核分的，按比例扣分。", new BigDecimal("2"))).isEmpty();
        assertThat(reader.read("做好年度档案的收集、整理、归档工作。", new BigDecimal("2"))).isEmpty();
    }
}
