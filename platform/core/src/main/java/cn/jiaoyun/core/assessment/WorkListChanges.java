package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a bureau administrator sends to build work lists by hand. Points arrive as typed (a JSON
 * number or a string) so that a figure that is not one is refused naming its field.
 */
public final class WorkListChanges {

    private WorkListChanges() {
    }

    /** A new list: KEY with one unit, ROUTINE with the units it applies to. */
    @Serdeable
    public record NewList(@Nullable Integer year, @Nullable String kind, @Nullable String title,
                          @Nullable List<Long> unitIds, @Nullable Object expectedPoints) {
    }

    @Serdeable
    public record ListChange(@Nullable String title, @Nullable Object expectedPoints) {
    }

    /**
     * An item as typed; {@code confirm} true accepts changing the points or targets of an item
     * that was already reported on or reviewed.
     */
    @Serdeable
    public record ItemChange(@Nullable String title, @Nullable String content, @Nullable Object points,
                             @Nullable List<Long> departmentIds, @Nullable Boolean confirm) {
    }

    /** Every item of the list, once each, in the wanted order. */
    @Serdeable
    public record ItemOrder(@Nullable List<Long> itemIds) {
    }

    /** 扣分规则 as a person states it; {@code confirm} as for items. */
    @Serdeable
    public record RuleChange(@Nullable Object pointsPerOccurrence, @Nullable Object cap, @Nullable String description,
                             @Nullable Boolean confirm) {
    }

    @Serdeable
    public record YearCopy(@Nullable Integer fromYear, @Nullable Integer toYear) {
    }

    /** The lists a copy created in the new year and how many items they hold. */
    @Serdeable
    public record CopiedYear(int fromYear, int toYear, List<WorkListSummary> lists, int items) {
    }
}
