package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.projects.KeyProjectRollup.Figures;
import cn.jiaoyun.core.projects.KeyProjectRollup.Issue;
import cn.jiaoyun.core.projects.KeyProjectRollup.Milestone;
import cn.jiaoyun.core.projects.KeyProjectRollup.MonthFigure;
import cn.jiaoyun.core.projects.KeyProjectRollup.ProjectFigures;
import cn.jiaoyun.core.projects.KeyProjectRollup.Rollup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The roll-up's arithmetic and wording, without a database. */
class KeyProjectRollupTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void monthsNotReportedAreUnknownNotZero() {
        ProjectFigures a = project(1, ProjectCategory.HIGHWAY, "1200", months(2023, "100", "200", "300"));
        ProjectFigures b = project(2, ProjectCategory.HIGHWAY, "600", months(2023, "50"));

        Figures f = KeyProjectRollup.figures(2023, 3, List.of(a, b));

        assertThat(f.projects()).isEqualTo(2);
        assertThat(f.actualYtd()).isEqualByComparingTo("650");
        assertThat(f.reportedInMonth()).as("only A reported March").isEqualTo(1);
        assertThat(f.missingMonths()).as("B's February and March").isEqualTo(2);
        assertThat(f.annualPlan()).isEqualByComparingTo("1800");
        assertThat(f.completionPercent()).isEqualByComparingTo("36.1");
    }

    @Test
    void nothingReportedIsUnknownWhileReportedZerosAreZero() {
        ProjectFigures silent = project(1, ProjectCategory.WATERWAY, "1000", Map.of());
        Figures unknown = KeyProjectRollup.figures(2023, 6, List.of(silent));
        assertThat(unknown.actualYtd()).isNull();
        assertThat(unknown.completionPercent()).isNull();
        assertThat(unknown.reportedInMonth()).isZero();
        assertThat(unknown.missingMonths()).isEqualTo(6);

        ProjectFigures idle = project(2, ProjectCategory.WATERWAY, "1000", months(2023, "0", "0"));
        Figures zero = KeyProjectRollup.figures(2023, 2, List.of(idle));
        assertThat(zero.actualYtd()).isEqualByComparingTo("0");
        assertThat(zero.completionPercent()).isEqualByComparingTo("0");
        assertThat(zero.reportedInMonth()).isEqualTo(1);
        assertThat(zero.missingMonths()).isZero();
    }

    @Test
    void completionAndYearOnYearNeedANonZeroBase() {
        assertThat(KeyProjectRollup.percentOf(new BigDecimal("637000"), new BigDecimal("615000"))).isEqualByComparingTo("103.6");
        assertThat(KeyProjectRollup.percentOf(new BigDecimal("5"), BigDecimal.ZERO)).isNull();
        assertThat(KeyProjectRollup.percentOf(null, new BigDecimal("5"))).isNull();
        assertThat(KeyProjectRollup.growthPercent(new BigDecimal("120"), new BigDecimal("100"))).isEqualByComparingTo("20.0");
        assertThat(KeyProjectRollup.growthPercent(new BigDecimal("80"), new BigDecimal("100"))).isEqualByComparingTo("-20.0");
        assertThat(KeyProjectRollup.growthPercent(new BigDecimal("80"), BigDecimal.ZERO)).as("zero base").isNull();
        assertThat(KeyProjectRollup.growthPercent(new BigDecimal("80"), null)).isNull();

        Map<YearMonth, MonthFigure> m = new HashMap<>(months(2023, "120", "30"));
        m.putAll(months(2022, "100", "50", "999"));
        Figures f = KeyProjectRollup.figures(2023, 2, List.of(project(1, ProjectCategory.HIGHWAY, null, m)));
        assertThat(f.lastYearYtd()).as("January and February of last year only").isEqualByComparingTo("150");
        assertThat(f.yoyPercent()).isEqualByComparingTo("0.0");
        assertThat(f.annualPlan()).isNull();
        assertThat(f.withPlan()).isZero();
        assertThat(f.completionPercent()).isNull();

        Figures zeroBase = KeyProjectRollup.figures(2023, 1, List.of(project(1, ProjectCategory.HIGHWAY, "1",
                merged(months(2023, "10"), months(2022, "0")))));
        assertThat(zeroBase.lastYearYtd()).isEqualByComparingTo("0");
        assertThat(zeroBase.yoyPercent()).isNull();
    }

    @Test
    void amountsReadInWanYuanBelowOneYiAndInYiYuanFromIt() {
        assertThat(KeyProjectText.amount(new BigDecimal("615000"), ZH)).isEqualTo("61.5亿元");
        assertThat(KeyProjectText.amount(new BigDecimal("637000.00"), ZH)).isEqualTo("63.7亿元");
        assertThat(KeyProjectText.amount(new BigDecimal("10000"), ZH)).isEqualTo("1亿元");
        assertThat(KeyProjectText.amount(new BigDecimal("9999.5"), ZH)).isEqualTo("9999.5万元");
        assertThat(KeyProjectText.amount(new BigDecimal("3500.00"), ZH)).isEqualTo("3500万元");
        assertThat(KeyProjectText.amount(new BigDecimal("22239"), ZH)).isEqualTo("2.22亿元");
        assertThat(KeyProjectText.amount(BigDecimal.ZERO, ZH)).isEqualTo("0万元");
        assertThat(KeyProjectText.amount(null, ZH)).isEqualTo("未知");
        assertThat(KeyProjectText.amount(new BigDecimal("615000"), Locale.ENGLISH)).isEqualTo("CNY 6.15 bn");
        assertThat(KeyProjectText.amount(new BigDecimal("3500"), Locale.ENGLISH)).isEqualTo("CNY 35 m");
        assertThat(KeyProjectText.percent(new BigDecimal("103.577"), ZH)).isEqualTo("103.6%");
    }

    @Test
    void theSentenceReadsLikeTheBureausSummary() {
        ProjectFigures a = project(1, ProjectCategory.HIGHWAY, "400000", months(2023, "300000"));
        ProjectFigures b = project(2, ProjectCategory.WATERWAY, "215000", months(2023, "337000"));
        Rollup r = KeyProjectRollup.of(2023, 1, List.of(a, b));
        assertThat(KeyProjectText.sentence(r, ZH)).isEqualTo(
                "2023年1月，重点项目共2只，年度计划投资61.5亿元，累计完成投资63.7亿元，完成年度计划103.6%。"
                        + "上年同期无数据，无法计算同比。1月已有2/2只项目填报。");
        assertThat(KeyProjectText.sentence(r, Locale.ENGLISH)).startsWith(
                "Jan 2023: 2 key projects, annual plan CNY 6.15 bn, invested to date CNY 6.37 bn, 103.6% of the annual plan.");
        assertThat(r.byCategory()).extracting(c -> c.category()).containsExactly(ProjectCategory.HIGHWAY, ProjectCategory.WATERWAY);
        assertThat(r.byCategory().get(1).figures().completionPercent()).isEqualByComparingTo("156.7");
    }

    @Test
    void milestonesDueReachedAndLateIssuesOpenAndResolved() {
        List<Milestone> ms = List.of(
                new Milestone(MilestoneKind.FEASIBILITY, LocalDate.of(2023, 2, 28), LocalDate.of(2023, 2, 20)),
                new Milestone(MilestoneKind.PRELIMINARY_DESIGN, LocalDate.of(2023, 5, 31), null),
                new Milestone(MilestoneKind.LAND_PREAPPROVAL, LocalDate.of(2023, 6, 30), LocalDate.of(2023, 7, 15)),
                new Milestone(MilestoneKind.START, LocalDate.of(2023, 11, 30), null));
        List<Issue> issues = List.of(new Issue(LocalDate.of(2023, 1, 5), LocalDate.of(2023, 3, 1)),
                new Issue(LocalDate.of(2023, 4, 1), null), new Issue(LocalDate.of(2023, 8, 1), null));
        ProjectFigures p = new ProjectFigures(7, "浣东互通改扩建", ProjectCategory.HIGHWAY, new BigDecimal("100"),
                months(2023, "10"), ms, issues);

        Rollup june = KeyProjectRollup.of(2023, 6, List.of(p));
        assertThat(june.milestonesDue()).isEqualTo(3);
        assertThat(june.milestonesReached()).isEqualTo(1);
        assertThat(june.lateMilestones()).extracting(KeyProjectRollup.LateMilestone::kind)
                .containsExactly(MilestoneKind.PRELIMINARY_DESIGN, MilestoneKind.LAND_PREAPPROVAL);
        assertThat(june.openIssues()).isEqualTo(1);
        assertThat(june.issuesResolved()).isEqualTo(1);
        assertThat(june.projects().get(0).nextMilestone().kind()).isEqualTo(MilestoneKind.PRELIMINARY_DESIGN);
        assertThat(june.projects().get(0).nextMilestone().late()).isTrue();
        assertThat(june.projects().get(0).reportedInMonth()).isFalse();
        assertThat(june.projects().get(0).lastReported()).isEqualTo("2023-01");

        Rollup december = KeyProjectRollup.of(2023, 12, List.of(p));
        assertThat(december.milestonesDue()).isEqualTo(4);
        assertThat(december.milestonesReached()).isEqualTo(2);
        assertThat(december.openIssues()).isEqualTo(2);
    }

    private static ProjectFigures project(long id, ProjectCategory category, String plan, Map<YearMonth, MonthFigure> months) {
        return new ProjectFigures(id, "项目" + id, category, plan == null ? null : new BigDecimal(plan), months, List.of(), List.of());
    }

    /** January onwards, one figure a month. */
    private static Map<YearMonth, MonthFigure> months(int year, String... actuals) {
        Map<YearMonth, MonthFigure> m = new HashMap<>();
        for (int i = 0; i < actuals.length; i++) {
            m.put(YearMonth.of(year, i + 1), new MonthFigure(new BigDecimal(actuals[i]), null));
        }
        return m;
    }

    private static Map<YearMonth, MonthFigure> merged(Map<YearMonth, MonthFigure> a, Map<YearMonth, MonthFigure> b) {
        Map<YearMonth, MonthFigure> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }
}
