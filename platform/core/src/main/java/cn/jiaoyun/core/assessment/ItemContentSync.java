package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.extraction.Deadline;
import cn.jiaoyun.core.assessment.extraction.ExtractedTarget;
import cn.jiaoyun.core.assessment.extraction.TargetExtractor;
import cn.jiaoyun.core.assessment.scoring.DeductionRuleReader;
import cn.jiaoyun.core.assessment.scoring.DeductionRuleText;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps an item's supervising departments, targets and deduction rules in step with its content,
 * the same way whether the content came from an imported document or was typed by a person.
 * What a person added, corrected or removed stays as the person left it; a target with reported
 * progress and a rule with deductions are never dropped. Runs inside the caller's transaction.
 */
@Singleton
public class ItemContentSync {

    /** How many extracted targets a sync created and removed. */
    public record TargetCounts(int created, int removed) {
    }

    private final AssessmentItemRepository items;
    private final TargetRepository targets;
    private final DeductionRuleRepository rules;
    private final TargetExtractor extractor;
    private final DeductionRuleReader ruleReader = new DeductionRuleReader();

    public ItemContentSync(AssessmentItemRepository items, TargetRepository targets, DeductionRuleRepository rules,
                           TargetExtractor extractor) {
        this.items = items;
        this.targets = targets;
        this.rules = rules;
        this.extractor = extractor;
    }

    /** The targets the content states. */
    public List<ExtractedTarget> targetsOf(String content) {
        return extractor.extract(content);
    }

    /** The deduction rules the content states; {@code points} caps a rule that deducts "until exhausted". */
    public List<DeductionRuleText> rulesOf(String content, @Nullable BigDecimal points) {
        return ruleReader.read(content, points);
    }

    /** Reads the item's content and brings its targets and rules in step with it. */
    public TargetCounts follow(String tenant, AssessmentItem item) {
        TargetCounts counts = syncTargets(tenant, item.id(), targetsOf(item.content()));
        syncRules(tenant, item.id(), rulesOf(item.content(), item.points()));
        return counts;
    }

    /** Whether reading the content would change the item's extracted targets. */
    public boolean targetsWouldChange(String tenant, long itemId, String content) {
        Set<String> now = new HashSet<>();
        for (Target t : targets.findByTenantIdAndItemIdOrderById(tenant, itemId)) {
            if (t.origin() == TargetOrigin.EXTRACTED) {
                now.add(t.sameness());
            }
        }
        Set<String> read = new HashSet<>();
        for (ExtractedTarget e : targetsOf(content)) {
            read.add(extracted(tenant, itemId, e, true).sameness());
        }
        return !now.equals(read);
    }

    public void syncDepartments(String tenant, long itemId, List<Long> wanted) {
        if (!new HashSet<>(items.findDepartmentIds(tenant, itemId)).equals(new HashSet<>(wanted))) {
            items.clearDepartments(tenant, itemId);
            wanted.forEach(d -> items.addDepartment(tenant, itemId, d));
        }
    }

    /**
     * Extracted targets follow the text; a person's targets and removals stay. An extracted
     * target with reported progress is never dropped.
     */
    public TargetCounts syncTargets(String tenant, long itemId, List<ExtractedTarget> extracted) {
        return syncTargets(tenant, itemId, extracted, e -> true);
    }

    /**
     * As {@link #syncTargets(String, long, List)}, where a target read from elsewhere than the
     * content (a plan item's heading) keeps no place in the content ({@code inContent} false).
     */
    public TargetCounts syncTargets(String tenant, long itemId, List<ExtractedTarget> extracted,
                                    Predicate<ExtractedTarget> inContent) {
        int created = 0;
        int removed = 0;
        Map<String, Target> existing = new HashMap<>();
        for (Target t : targets.findByTenantIdAndItemIdOrderById(tenant, itemId)) {
            if (t.origin() == TargetOrigin.EXTRACTED) {
                existing.put(t.sameness(), t);
            }
        }
        Set<String> seen = new HashSet<>();
        for (ExtractedTarget e : extracted) {
            Target wanted = extracted(tenant, itemId, e, inContent.test(e));
            if (!seen.add(wanted.sameness())) {
                continue;
            }
            Target have = existing.get(wanted.sameness());
            if (have == null) {
                targets.save(wanted);
                created++;
            } else if (!Objects.equals(have.spanStart(), wanted.spanStart())
                    || !Objects.equals(have.spanEnd(), wanted.spanEnd())
                    || !Objects.equals(have.deadlineMonth(), wanted.deadlineMonth())
                    || !Objects.equals(have.deadlineDay(), wanted.deadlineDay())) {
                targets.update(new Target(have.id(), tenant, itemId, have.subject(), have.comparator(), have.value(),
                        have.unit(), wanted.deadlineMonth(), wanted.deadlineDay(), wanted.spanStart(), wanted.spanEnd(),
                        TargetOrigin.EXTRACTED, have.suppressed()));
            }
        }
        for (Target old : existing.values()) {
            if (!seen.contains(old.sameness()) && !old.suppressed() && !targets.hasProgress(tenant, old.id())) {
                targets.delete(old);
                removed++;
            }
        }
        return new TargetCounts(created, removed);
    }

    /** Rules read from the text follow it; a person's rules and removals stay, used rules are kept. */
    public void syncRules(String tenant, long itemId, List<DeductionRuleText> read) {
        Map<String, DeductionRule> existing = new HashMap<>();
        for (DeductionRule r : rules.findByTenantIdAndItemIdOrderById(tenant, itemId)) {
            if (r.origin() == TargetOrigin.EXTRACTED) {
                existing.put(r.sameness(), r);
            }
        }
        Set<String> seen = new HashSet<>();
        for (DeductionRuleText r : read) {
            DeductionRule wanted = new DeductionRule(null, tenant, itemId, r.pointsPerOccurrence(), r.cap(),
                    r.condition(), TargetOrigin.EXTRACTED, false);
            if (seen.add(wanted.sameness()) && !existing.containsKey(wanted.sameness())) {
                rules.save(wanted);
            }
        }
        for (DeductionRule old : existing.values()) {
            if (!seen.contains(old.sameness()) && !old.suppressed() && !rules.isUsed(tenant, old.id())) {
                rules.delete(old);
            }
        }
    }

    private static Target extracted(String tenant, long itemId, ExtractedTarget e, boolean inContent) {
        Integer month = e.deadline().map(Deadline::month).orElse(null);
        Integer day = e.deadline().filter(d -> d.day().isPresent()).map(d -> d.day().getAsInt()).orElse(null);
        return new Target(null, tenant, itemId, e.subject(), e.comparator(), e.value(), e.unit(), month, day,
                inContent ? e.span().start() : null, inContent ? e.span().end() : null, TargetOrigin.EXTRACTED, false);
    }
}
