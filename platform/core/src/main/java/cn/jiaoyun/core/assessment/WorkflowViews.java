package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.scoring.TargetStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What reporters, supervisors and leaders send and see in the year's workflow. */
public final class WorkflowViews {

    private WorkflowViews() {
    }

    /** A monthly report: {@code period} as "2020-06"; one actual value per target reported. */
    @Serdeable
    public record ProgressEntry(long unitId, String period, @Nullable String narrative, List<ValueEntry> values) {
    }

    @Serdeable
    public record ValueEntry(long targetId, BigDecimal actual) {
    }

    /**
     * A target with its latest reported value and where it stands. A target fed by an indicator
     * ({@code indicator}) stands on the indicator's year-to-date value ({@code live}) instead.
     */
    @Serdeable
    public record TargetState(Target target, @Nullable BigDecimal latest, @Nullable LocalDate latestPeriod,
                              TargetStatus status, String colour, @Nullable String indicator,
                              @Nullable BigDecimal live) {
    }

    @Serdeable
    public record ItemProgress(long itemId, long unitId, List<TargetState> targets, List<ProgressReport> reports,
                               List<Review> reviews, List<Deduction> deductions) {
    }

    @Serdeable
    public record ReviewEntry(long unitId, BigDecimal score, @Nullable String comment) {
    }

    /** By rule: {@code ruleId} and {@code occurrences}; otherwise {@code points} directly. */
    @Serdeable
    public record DeductionEntry(long unitId, @Nullable Long ruleId, @Nullable Integer occurrences,
                                 @Nullable BigDecimal points, String reason) {
    }

    /** A unit's place in the year's ranking. */
    @Serdeable
    public record ScorecardRow(int rank, long unitId, String unitName, BigDecimal maxPoints, BigDecimal reviewed,
                               BigDecimal deducted, BigDecimal total, long itemsReviewed, int items) {
    }

    /** An item of a unit that the caller's department supervises and has not scored yet. */
    @Serdeable
    public record PendingReview(long itemId, String title, long unitId, String unitName, BigDecimal points) {
    }

    /** 催办: an item whose target is due soon or overdue and that the unit has not reported since. */
    @Serdeable
    public record OverdueItem(long itemId, String title, long unitId, String unitName, String target,
                              LocalDate deadline, boolean overdue, @Nullable LocalDate lastReport) {
    }
}
