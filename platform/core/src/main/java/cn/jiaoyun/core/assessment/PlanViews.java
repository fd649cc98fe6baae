package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.ImportPreview.Line;
import cn.jiaoyun.core.assessment.ImportPreview.TargetPreview;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** What the API and the UI show of plan imports and plan lists. */
public final class PlanViews {

    private PlanViews() {
    }

    /**
     * What a plan import would store: the list's title and year, its items in their hierarchy,
     * and the lines left out (page furniture, preamble, signature). {@code existingListId} names
     * the plan the commit would update.
     */
    @Serdeable
    public record PlanPreview(String fileName, @Nullable Integer year, String title, boolean titleFromFileName,
                              @Nullable Long existingListId, List<PlanItemPreview> items, List<Line> ignored,
                              List<String> notices, List<String> problems) {

        public boolean committable() {
            return problems.isEmpty();
        }
    }

    /**
     * An item as it will be stored: {@code parent} is the position of its section (null at the
     * top), {@code path} its numbering with its sections' ("一、 › （二） › 3.").
     */
    @Serdeable
    public record PlanItemPreview(int position, @Nullable Integer parent, int level, String number, String path,
                                  String title, String content, List<TargetPreview> targets, String location) {
    }

    /** What a committed plan import changed; importing the same file again changes nothing. */
    @Serdeable
    public record PlanImportResult(PlanPreview preview, long listId, boolean listCreated, int itemsCreated,
                                   int itemsUpdated, int itemsUnchanged, int itemsRemoved, int itemsKept,
                                   int targetsCreated, int targetsRemoved) {

        public boolean changedNothing() {
            return !listCreated && itemsCreated + itemsUpdated + itemsRemoved + targetsCreated + targetsRemoved == 0;
        }
    }

    /** A plan list with its items in document order, each with its place in the hierarchy. */
    @Serdeable
    public record PlanDetail(WorkListSummary list, List<PlanItemView> items) {
    }

    /** {@code points} null: 不计分 (unscored). The owner is a unit or a department, or not set yet. */
    @Serdeable
    public record PlanItemView(long id, int position, @Nullable Long parentId, int depth, String numbering,
                               String title, @Nullable BigDecimal points, @Nullable Long ownerUnitId,
                               @Nullable Long ownerDepartmentId, @Nullable String ownerName, int targets) {
    }
}
