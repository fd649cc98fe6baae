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

    /**
     * A monthly report: {@code period} as "2020-06"; one actual value per target reported. It names
     * its owner: a unit ({@code unitId}), or a department ({@code departmentId}) for a plan item the
     * department owns; exactly one of the two.
     */
    @Serdeable
    public record ProgressEntry(@Nullable Long unitId, String period, @Nullable String narrative,
                                List<ValueEntry> values, @Nullable Long departmentId) {
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

    /** An item's progress for its owner: a unit, or a department ({@code unitId} null) owning a plan item. */
    @Serdeable
    public record ItemProgress(long itemId, @Nullable Long unitId, List<TargetState> targets,
                               List<ProgressReport> reports, List<Review> reviews, List<Deduction> deductions,
                               @Nullable Long departmentId) {
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

    /**
     * 催办: an item whose target is due soon or overdue and that its owner has not reported since.
     * The owner is a unit, or a department ({@code unitId} null, {@code departmentId} set) owning a
     * plan item; {@code unitName} is the owner's name either way.
     */
    @Serdeable
    public record OverdueItem(long itemId, String title, @Nullable Long unitId, String unitName, String target,
                              LocalDate deadline, boolean overdue, @Nullable LocalDate lastReport,
                              @Nullable Long departmentId) {
    }
}
