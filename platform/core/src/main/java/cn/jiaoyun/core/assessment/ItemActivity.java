package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import cn.jiaoyun.core.web.Messages.Bilingual;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What has happened on an item (progress reports, reviews, deductions). Once units reported on
 * an item or departments reviewed it, its points and targets are what they were judged against:
 * changing them asks the person to confirm. Runs inside the caller's transaction.
 */
@Singleton
public class ItemActivity {

    private final AssessmentItemRepository items;

    public ItemActivity(AssessmentItemRepository items) {
        this.items = items;
    }

    /** The reports and reviews on the item in words, empty when there are none. */
    public Optional<Bilingual> judged(String tenant, long itemId) {
        return describe(items.countReports(tenant, itemId), items.countReviews(tenant, itemId), 0);
    }

    /** Reports, reviews and deductions on the item in words, empty when there are none. */
    public Optional<Bilingual> any(String tenant, long itemId) {
        return describe(items.countReports(tenant, itemId), items.countReviews(tenant, itemId),
                items.countDeductions(tenant, itemId));
    }

    /**
     * Refuses (409, naming {@code confirm}) a change of points or targets of a reported or reviewed
     * item unless the person confirmed it.
     */
    public void requireConfirmation(String tenant, AssessmentItem item, @Nullable Boolean confirm) {
        if (Boolean.TRUE.equals(confirm)) {
            return;
        }
        judged(tenant, item.id()).ifPresent(activity -> {
            throw new ApiProblem(HttpStatus.CONFLICT,
                    List.of(new FieldError("confirm", "worklist.item.confirm.field")),
                    "worklist.item.confirm", item.title(), activity);
        });
    }

    private static Optional<Bilingual> describe(long reports, long reviews, long deductions) {
        List<String> chinese = new ArrayList<>();
        List<String> english = new ArrayList<>();
        if (reports > 0) {
            chinese.add(reports + " 份进度填报");
            english.add(reports + (reports == 1 ? " progress report" : " progress reports"));
        }
        if (reviews > 0) {
            chinese.add(reviews + " 条督查评分");
            english.add(reviews + (reviews == 1 ? " review" : " reviews"));
        }
        if (deductions > 0) {
            chinese.add(deductions + " 条扣分");
            english.add(deductions + (deductions == 1 ? " deduction" : " deductions"));
        }
        return chinese.isEmpty() ? Optional.empty()
                : Optional.of(new Bilingual(String.join("、", chinese), String.join(", ", english)));
    }
}
