package cn.jiaoyun.core.assessment.extraction;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetExtractorTest {

    private final TargetExtractor extractor = new TargetExtractor();

    private ExtractedTarget only(String text) {
        List<ExtractedTarget> targets = extractor.extract(text);
        assertEquals(1, targets.size(), () -> "one target expected in " + text + " but got " + targets);
        return targets.get(0);
    }

    private static void assertTarget(ExtractedTarget target, String subject, Comparator comparator, String value, String unit) {
        assertEquals(subject, target.subject());
        assertEquals(comparator, target.comparator());
        assertEquals(0, new BigDecimal(value).compareTo(target.value()), () -> "value of " + target);
        assertEquals(unit, target.unit());
    }

    @Test
    void aRateKeptBelowALimitIsAtMost() {
        assertTarget(only("高速公路超限率控制在0.5%以下。"), "高速公路超限率", Comparator.AT_MOST, "0.5", "%");
    }

    @Test
    void aCountAfterNewlyAddedIsAtLeastWithoutTheVerbInTheSubject() {
        assertTarget(only("新增治超非现场执法车道18条"), "治超非现场执法车道", Comparator.AT_LEAST, "18", "条");
    }

    @Test
    void aboveAndNotLessThanAreAtLeast() {
        assertTarget(only("处罚率在70%以上"), "处罚率", Comparator.AT_LEAST, "70", "%");
        assertTarget(only("ETC使用率不低于80%"), "ETC使用率", Comparator.AT_LEAST, "80", "%");
        assertTarget(only("开展专项整治不少于2次"), "专项整治", Comparator.AT_LEAST, "2", "次");
    }

    @Test
    void higherThanAndExceedingAreStrict() {
        assertTarget(only("部门预算年度执行率高于91%"), "部门预算年度执行率", Comparator.MORE_THAN, "91", "%");
        assertTarget(only("港口货物吞吐量超过5000万吨"), "港口货物吞吐量", Comparator.MORE_THAN, "5000", "万吨");
    }

    @Test
    void lowerThanIsStrictAndNotHigherThanIsAtMost() {
        assertTarget(only("道路运输事故死亡率低于0.8%"), "道路运输事故死亡率", Comparator.LESS_THAN, "0.8", "%");
        assertTarget(only("投诉率不高于1%"), "投诉率", Comparator.AT_MOST, "1", "%");
        assertTarget(only("办理时限不超过5个工作日内的事项占比不超过10%"), "办理时限不超过5个工作日内的事项占比",
                Comparator.AT_MOST, "10", "%");
    }

    @Test
    void withinIsAtMostAndAboutIsEqual() {
        assertTarget(only("空驶率控制在20%以内"), "空驶率", Comparator.AT_MOST, "20", "%");
        assertTarget(only("客运量保持在3000万人次左右"), "客运量", Comparator.EQUAL, "3000", "万人次");
    }

    @Test
    void reachingARateOrAFullHundredIsAtLeast() {
        assertTarget(only("主城区公交分担率达到25%"), "主城区公交分担率", Comparator.AT_LEAST, "25", "%");
        assertTarget(only("隔离装置安装率达100%"), "隔离装置安装率", Comparator.AT_LEAST, "100", "%");
        assertTarget(only("电子印章使用率100%"), "电子印章使用率", Comparator.AT_LEAST, "100", "%");
    }

    @Test
    void aPlainCountWithoutVerbIsAtLeast() {
        assertTarget(only("公交首末站12个"), "公交首末站", Comparator.AT_LEAST, "12", "个");
    }

    @Test
    void aCountBeforeItsNounMeasuresTheNoun() {
        assertTarget(only("新建（改建）375个公交候车亭"), "公交候车亭", Comparator.AT_LEAST, "375", "个");
        assertTarget(only("推进不少于80家重点企业接入物流管控子系统并实现互联"), "重点企业接入物流管控子系统",
                Comparator.AT_LEAST, "80", "家");
    }

    @Test
    void theVerbsOfBuildingAreTrimmedFromTheSubject() {
        assertEquals("农村港湾式停靠站", only("推进建成农村港湾式停靠站55个").subject());
        assertEquals("ETC停车场", only("建设完成ETC停车场24处").subject());
        assertEquals("微公交线路", only("新增或改造微公交线路15条").subject());
        assertEquals("计划完成率", only("计划完成率100%").subject());
    }

    @Test
    void anonymisedFiguresAreUnknownNeverZero() {
        List<ExtractedTarget> targets = extractor.extract("完成交通投资x.xx亿元，新增公交线路xx条。");
        assertEquals(2, targets.size(), targets::toString);
        assertFalse(targets.get(0).valueKnown());
        assertEquals(null, targets.get(0).value());
        assertEquals("亿元", targets.get(0).unit());
        assertEquals("交通投资", targets.get(0).subject());
        assertFalse(targets.get(1).valueKnown());
        assertEquals("条", targets.get(1).unit());
        assertEquals("公交线路", targets.get(1).subject());
    }

    @Test
    void severalTargetsInOneSentenceStayApart() {
        List<ExtractedTarget> targets = extractor.extract(
                "普通公路超限率明显下降，高速公路超限率控制在0.5%以下，新增治超非现场执法车道18条，治超非现场执法处罚率在70%以上。");
        assertEquals(3, targets.size(), targets::toString);
        assertTarget(targets.get(0), "高速公路超限率", Comparator.AT_MOST, "0.5", "%");
        assertTarget(targets.get(1), "治超非现场执法车道", Comparator.AT_LEAST, "18", "条");
        assertTarget(targets.get(2), "治超非现场执法处罚率", Comparator.AT_LEAST, "70", "%");
    }

    @Test
    void targetsEnumeratedWithinOneClauseKeepTheirOwnSubjects() {
        List<ExtractedTarget> targets = extractor.extract("整治省、市事故多发点（段）22处、整治马路市场50处。");
        assertEquals(2, targets.size(), targets::toString);
        assertTarget(targets.get(0), "省、市事故多发点（段）", Comparator.AT_LEAST, "22", "处");
        assertTarget(targets.get(1), "马路市场", Comparator.AT_LEAST, "50", "处");
    }

    @Test
    void aParentheticalCountIsItsOwnTarget() {
        List<ExtractedTarget> targets = extractor.extract("新建（改建）城市公交停靠站150个（港湾式停靠站60个）");
        assertEquals(2, targets.size(), targets::toString);
        assertTarget(targets.get(0), "城市公交停靠站", Comparator.AT_LEAST, "150", "个");
        assertTarget(targets.get(1), "港湾式停靠站", Comparator.AT_LEAST, "60", "个");
    }

    @Test
    void respectiveFiguresShareTheSubject() {
        List<ExtractedTarget> targets = extractor.extract("力争路况指标分别达到94和93以上");
        assertEquals(2, targets.size(), targets::toString);
        assertTarget(targets.get(0), "路况指标", Comparator.AT_LEAST, "94", "");
        assertTarget(targets.get(1), "路况指标", Comparator.AT_LEAST, "93", "");
    }

    @Test
    void aMultipliedHundredPercentIsOneTargetPerListedRate() {
        List<ExtractedTarget> targets = extractor.extract("建议提案办理实现面商率、办结率、满意率3个100%。");
        assertEquals(List.of("面商率", "办结率", "满意率"), targets.stream().map(ExtractedTarget::subject).toList());
        assertTrue(targets.stream().allMatch(t -> t.value().compareTo(new BigDecimal("100")) == 0 && t.unit().equals("%")));
    }

    @Test
    void fullWidthDigitsAndSignsAreRead() {
        assertTarget(only("公交分担率达到２５．５％以上"), "公交分担率", Comparator.AT_LEAST, "25.5", "%");
        assertTarget(only("超限率＜１％"), "超限率", Comparator.LESS_THAN, "1", "%");
    }

    @Test
    void largerUnitsWinOverTheirTails() {
        assertEquals("万TEU", only("内河集装箱吞吐量实现8万TEU").unit());
        assertEquals("条次", only("优化调整公交线路24条次以上").unit());
        assertEquals("万吨", only("完成水路货运量1715万吨").unit());
        assertEquals("个", only("农村物流服务点建设280 个").unit());
    }

    @Test
    void aFiveALevelIsALevelTarget() {
        assertTarget(only("城乡交通运输一体化发展水平保持5A级。"), "城乡交通运输一体化发展水平", Comparator.AT_LEAST, "5", "A级");
    }

    @Test
    void yearsTitlesOrdinalsAndMultiYearActionsAreNotTargets() {
        assertEquals(List.of(), extractor.extract("落实《2020年交通强市建设重点任务清单》和《第二轮安全生产综合治理三年行动计划》。"));
        assertEquals(List.of(), extractor.extract("开展普通公路治超三年行动，配合完成第三届综合交通产业博览会参展工作。"));
        assertEquals(List.of(), extractor.extract("配合推进104国道东湖至蒿坝段项目，做好2021年综合交通投资项目计划编制。"));
    }

    @Test
    void quotedSlogansAndScoreDeductionsAreNotTargets() {
        assertEquals(List.of(), extractor.extract("协助落实施工现场“八个100%”长效机制，完成渔业船舶“三个相符”工作。"));
        assertEquals(List.of(), extractor.extract("未在规定时限内完成工作，每次扣0.2分；投资3.0平台上线。"));
    }

    @Test
    void yearOnYearPercentagesAreNotTargets() {
        assertEquals(List.of(), extractor.extract("道路运输周转量同比增长5%。"));
    }

    @Test
    void aFigureModifyingTheNextNounIsNotATarget() {
        assertEquals(List.of(), extractor.extract("800公里以上公路客运线路逐步退出经营。"));
        List<ExtractedTarget> targets = extractor.extract("城市建成区公交站点500米半径覆盖率达到98%以上。");
        assertEquals(1, targets.size(), targets::toString);
        assertTarget(targets.get(0), "城市建成区公交站点500米半径覆盖率", Comparator.AT_LEAST, "98", "%");
    }

    @Test
    void durationsAreNotTargets() {
        assertEquals(List.of(), extractor.extract("审批事项在3个工作日内办结，整改期限为6个月。"));
    }

    @Test
    void chineseNumeralsCountAfterAVerbOnly() {
        assertTarget(only("举办一次全市应急救援演练"), "全市应急救援演练", Comparator.AT_LEAST, "1", "次");
        assertTarget(only("新建十二个公交首末站"), "公交首末站", Comparator.AT_LEAST, "12", "个");
        assertEquals(List.of(), extractor.extract("实现应急资源一张图展示，建设三级路网监测系统。"));
    }

    @Test
    void endOfMonthDeadlineAttachesToTheTargetOfItsClause() {
        List<ExtractedTarget> targets = extractor.extract("6月底公交车驾驶区隔离装置安装率达100%，新建公交电子站牌100个。");
        assertEquals(2, targets.size(), targets::toString);
        assertEquals("公交车驾驶区隔离装置安装率", targets.get(0).subject());
        Deadline deadline = targets.get(0).deadline().orElseThrow();
        assertEquals(6, deadline.month());
        assertTrue(deadline.endOfMonth());
        assertTrue(targets.get(1).deadline().isEmpty());
    }

    @Test
    void dayDeadlinesAndYearEndAreRead() {
        Deadline onDay = only("6月30日前完成农村客车更新278辆").deadline().orElseThrow();
        assertEquals(6, onDay.month());
        assertEquals(30, onDay.day().getAsInt());
        Deadline yearEnd = only("年底前建成公交首末站12个").deadline().orElseThrow();
        assertEquals(12, yearEnd.month());
        assertTrue(yearEnd.endOfMonth());
        assertEquals(12, only("年内新增公交线路5条").deadline().orElseThrow().month());
    }

    @Test
    void aDeadlineStandingAloneCoversTheRestOfItsSentence() {
        List<ExtractedTarget> targets = extractor.extract("9月底前，新增公交线路5条，建成首末站3个。另建站台10个。");
        assertEquals(3, targets.size(), targets::toString);
        assertEquals(9, targets.get(0).deadline().orElseThrow().month());
        assertEquals(9, targets.get(1).deadline().orElseThrow().month());
        assertTrue(targets.get(2).deadline().isEmpty());
    }

    @Test
    void aDeadlineWithoutAFigureSetsNoTarget() {
        assertEquals(List.of(), extractor.extract("推动船闸统一纳入过闸APP，9月底实现试运行；协助在11月底前完成初验。"));
    }

    @Test
    void aSeveralYearPeriodIsNotThisYearsEnd() {
        assertTrue(only("三年内新增公交线路5条").deadline().isEmpty());
    }

    @Test
    void theSpanCoversSubjectAndFigure() {
        String text = "推进城市公交清能源率达80%，新增治超非现场执法车道18条。";
        List<ExtractedTarget> targets = extractor.extract(text);
        assertEquals("城市公交清能源率达80%", targets.get(0).span().of(text));
        assertEquals("治超非现场执法车道18条", targets.get(1).span().of(text));
    }

    @Test
    void textWithoutFiguresHasNoTargets() {
        assertEquals(List.of(), extractor.extract("深化全面从严治党，巩固主题教育成果。"));
        assertEquals(List.of(), extractor.extract(""));
    }
}
