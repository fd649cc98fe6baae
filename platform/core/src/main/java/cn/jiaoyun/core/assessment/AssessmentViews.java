package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** What the API and the UI show of work lists and items. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    /**
     * A list with the units it applies to and its totals: {@code points} the items' total,
     * {@code expectedPoints} what the bureau expects it to be (null when unsaid).
     */
    @Serdeable
    public record WorkListSummary(long id, int year, WorkListKind kind, String title, List<String> units,
                                  List<Long> unitIds, int items, BigDecimal points,
                                  @Nullable BigDecimal expectedPoints) {
    }

    @Serdeable
    public record ItemSummary(long id, int position, String title, @Nullable BigDecimal points,
                              List<String> departments,
                              int targets) {
    }

    @Serdeable
    public record WorkListDetail(WorkListSummary list, List<ItemSummary> items) {
    }

    /** An item with its targets (removed ones left out) and deduction rules. */
    @Serdeable
    public record ItemDetail(AssessmentItem item, long workListId, List<String> departments, List<Target> targets,
                             List<DeductionRule> deductionRules) {
    }

    /**
     * A person's new or corrected target; {@code confirm} true accepts changing a target of an
     * item that was already reported on or reviewed.
     */
    @Serdeable
    public record TargetChange(String subject, String comparator, @Nullable BigDecimal value, String unit,
                               @Nullable Integer deadlineMonth, @Nullable Integer deadlineDay,
                               @Nullable Boolean confirm) {
    }
}
