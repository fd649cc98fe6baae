package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.projects.KeyProjectRollup.ProjectLine;
import cn.jiaoyun.core.projects.KeyProjectRollup.Rollup;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What callers send and see of key projects. Inputs carry codes and dates as text so that a wrong
 * one is refused with a message naming the field rather than a parser's error.
 */
public final class KeyProjectViews {

    private KeyProjectViews() {
    }

    /** A project's own data; {@code category} and {@code level} by code (HIGHWAY) or Chinese label (公路). */
    @Serdeable
    public record ProjectInput(@Nullable String code, @Nullable String name, @Nullable String category,
                               @Nullable String level, @Nullable String ownerUnit,
                               @Nullable BigDecimal totalInvestment, @Nullable Integer startYear,
                               @Nullable Integer finishYear) {
    }

    /** 年度计划投资 in 万元. */
    @Serdeable
    public record PlanInput(@Nullable BigDecimal planned) {
    }

    /** A month's investment in 万元 and, optionally, the physical progress in % at its end. */
    @Serdeable
    public record MonthInput(@Nullable BigDecimal actual, @Nullable BigDecimal progress, @Nullable String note) {
    }

    /** A milestone's dates as "2023-06-30"; an empty or absent date clears it. */
    @Serdeable
    public record MilestoneInput(@Nullable String kind, @Nullable String plannedOn, @Nullable String actualOn) {
    }

    @Serdeable
    public record IssueInput(@Nullable String kind, @Nullable String description, @Nullable String foundOn,
                             @Nullable String resolvedOn, @Nullable String resolution) {
    }

    /** A project on the year's list with its figures from January to the month asked. */
    @Serdeable
    public record ProjectRow(KeyProject project, ProjectLine figures) {
    }

    /** One month of a project's year: null fields when the project has not reported it. */
    @Serdeable
    public record MonthSlot(String month, @Nullable BigDecimal actual, @Nullable BigDecimal progress,
                            @Nullable String note, @Nullable String source, @Nullable String reportedBy) {
    }

    @Serdeable
    public record MilestoneSlot(MilestoneKind kind, @Nullable java.time.LocalDate plannedOn,
                                @Nullable java.time.LocalDate actualOn, @Nullable String source) {
    }

    /** A project with its plans, the asked year's twelve months, its milestones (all five) and issues. */
    @Serdeable
    public record ProjectDetail(KeyProject project, int year, @Nullable BigDecimal annualPlan,
                                @Nullable String planSource, List<KeyProjectPlan> plans, List<MonthSlot> months,
                                List<MilestoneSlot> milestones, List<KeyProjectIssue> issues, ProjectLine figures) {
    }

    /** The year's roll-up with its sentence and amounts written as the caller reads them. */
    @Serdeable
    public record Summary(Rollup rollup, String sentence, String annualPlanText, String actualYtdText,
                          String completionText, String lastYearYtdText, String yoyText) {
    }
}
