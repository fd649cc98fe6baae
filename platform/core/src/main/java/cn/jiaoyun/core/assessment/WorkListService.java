package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.ItemSummary;
import cn.jiaoyun.core.assessment.AssessmentViews.TargetChange;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.extraction.Comparator;
import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reading a bureau's work lists and items, and people's corrections of the targets. */
@Singleton
public class WorkListService {

    private final TenantTransactions tx;
    private final BureauService bureaus;
    private final WorkListRepository lists;
    private final AssessmentItemRepository items;
    private final TargetRepository targets;
    private final DeductionRuleRepository rules;
    private final AuditLog audit;

    public WorkListService(TenantTransactions tx, BureauService bureaus, WorkListRepository lists,
                           AssessmentItemRepository items, TargetRepository targets, DeductionRuleRepository rules,
                           AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.lists = lists;
        this.items = items;
        this.targets = targets;
        this.rules = rules;
        this.audit = audit;
    }

    public List<WorkListSummary> lists(String tenant, int year) {
        Map<Long, String> unitNames = unitNames(tenant);
        return tx.readInBureau(tenant, () -> lists.findByTenantIdAndYearOrderById(tenant, year).stream()
                .map(l -> summary(tenant, l, unitNames)).toList());
    }

    /** The latest year the bureau has work lists for, if any. */
    public java.util.Optional<Integer> latestYear(String tenant) {
        return tx.readInBureau(tenant, () -> lists.latestYear(tenant));
    }

    public WorkListDetail list(String tenant, long id) {
        Map<Long, String> unitNames = unitNames(tenant);
        Map<Long, String> departmentNames = departmentNames(tenant);
        return tx.readInBureau(tenant, () -> {
            WorkList list = lists.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiProblem.notFound("work-list", id));
            List<ItemSummary> summaries = items.findByTenantIdAndWorkListIdOrderByPosition(tenant, id).stream()
                    .map(i -> new ItemSummary(i.id(), i.position(), i.title(), i.points(),
                            names(items.findDepartmentIds(tenant, i.id()), departmentNames),
                            (int) targets.findByTenantIdAndItemIdOrderById(tenant, i.id()).stream()
                                    .filter(t -> !t.suppressed()).count()))
                    .toList();
            return new WorkListDetail(summary(tenant, list, unitNames), summaries);
        });
    }

    public ItemDetail item(String tenant, long id) {
        Map<Long, String> departmentNames = departmentNames(tenant);
        return tx.readInBureau(tenant, () -> {
            AssessmentItem item = items.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiProblem.notFound("item", id));
            return new ItemDetail(item, item.workListId(), names(items.findDepartmentIds(tenant, id), departmentNames),
                    targets.findByTenantIdAndItemIdOrderById(tenant, id).stream().filter(t -> !t.suppressed()).toList(),
                    rules.findByTenantIdAndItemIdOrderById(tenant, id));
        });
    }

    /** A person adds a target the extraction missed. */
    public Target addTarget(Actor actor, long itemId, TargetChange change, String clientIp) {
        String tenant = actor.bureau();
        Comparator comparator = validate(change);
        return tx.inBureau(tenant, () -> {
            items.findByTenantIdAndId(tenant, itemId).orElseThrow(() -> ApiProblem.notFound("item", itemId));
            Target saved = targets.save(userTarget(tenant, itemId, change, comparator));
            audit.record(tenant, actor.auditName(), AuditAction.TARGET_ADDED, "item:" + itemId,
                    "after=" + describe(saved), clientIp);
            return saved;
        });
    }

    /**
     * A person corrects a target. An extracted one is kept suppressed and replaced by the
     * person's version, so that re-importing the same text does not undo the correction.
     */
    public Target correctTarget(Actor actor, long targetId, TargetChange change, String clientIp) {
        String tenant = actor.bureau();
        Comparator comparator = validate(change);
        return tx.inBureau(tenant, () -> {
            Target old = targets.findByTenantIdAndId(tenant, targetId).filter(t -> !t.suppressed())
                    .orElseThrow(() -> ApiProblem.notFound("target", targetId));
            Target corrected;
            if (old.origin() == TargetOrigin.EXTRACTED) {
                targets.update(old.suppress());
                corrected = targets.save(userTarget(tenant, old.itemId(), change, comparator));
            } else {
                Target wanted = userTarget(tenant, old.itemId(), change, comparator);
                corrected = targets.update(new Target(old.id(), tenant, old.itemId(), wanted.subject(), wanted.comparator(),
                        wanted.value(), wanted.unit(), wanted.deadlineMonth(), wanted.deadlineDay(), null, null,
                        TargetOrigin.USER, false));
            }
            audit.record(tenant, actor.auditName(), AuditAction.TARGET_CORRECTED, "item:" + old.itemId(),
                    "before=" + describe(old) + "; after=" + describe(corrected), clientIp);
            return corrected;
        });
    }

    /** A person removes a target; an extracted one stays suppressed so that a re-import keeps it away. */
    public void removeTarget(Actor actor, long targetId, String clientIp) {
        String tenant = actor.bureau();
        tx.inBureau(tenant, () -> {
            Target old = targets.findByTenantIdAndId(tenant, targetId).filter(t -> !t.suppressed())
                    .orElseThrow(() -> ApiProblem.notFound("target", targetId));
            if (old.origin() == TargetOrigin.EXTRACTED || targets.hasProgress(tenant, old.id())) {
                targets.update(old.suppress());
            } else {
                targets.delete(old);
            }
            audit.record(tenant, actor.auditName(), AuditAction.TARGET_REMOVED, "item:" + old.itemId(),
                    "before=" + describe(old), clientIp);
            return null;
        });
    }

    private static Target userTarget(String tenant, long itemId, TargetChange change, Comparator comparator) {
        return new Target(null, tenant, itemId, change.subject().strip(), comparator, change.value(),
                change.unit() == null ? "" : change.unit().strip(), change.deadlineMonth(), change.deadlineDay(),
                null, null, TargetOrigin.USER, false);
    }

    private static Comparator validate(TargetChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.subject() == null || change.subject().isBlank()) {
            errors.add(new FieldError("subject", "field.required"));
        }
        Comparator comparator = null;
        try {
            comparator = change.comparator() == null ? null
                    : change.comparator().length() == 1 ? Comparator.ofSymbol(change.comparator())
                    : Comparator.valueOf(change.comparator());
        } catch (IllegalArgumentException e) {
            comparator = null;
        }
        if (comparator == null) {
            errors.add(new FieldError("comparator", "field.comparator.unknown", String.valueOf(change.comparator())));
        }
        if (change.deadlineMonth() != null && (change.deadlineMonth() < 1 || change.deadlineMonth() > 12)) {
            errors.add(new FieldError("deadlineMonth", "field.month.range"));
        }
        if (change.deadlineDay() != null && (change.deadlineDay() < 1 || change.deadlineDay() > 31)) {
            errors.add(new FieldError("deadlineDay", "field.day.range"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        return comparator;
    }

    private static String describe(Target t) {
        return t.subject() + " " + t.comparator().symbol() + " "
                + (t.value() == null ? "?" : t.value().stripTrailingZeros().toPlainString()) + t.unit()
                + (t.deadlineMonth() == null ? "" : " (" + t.deadlineMonth() + "月" + (t.deadlineDay() == null ? "底" : t.deadlineDay() + "日") + ")");
    }

    private WorkListSummary summary(String tenant, WorkList l, Map<Long, String> unitNames) {
        List<AssessmentItem> listItems = items.findByTenantIdAndWorkListIdOrderByPosition(tenant, l.id());
        List<Long> unitIds = lists.findUnitIds(tenant, l.id());
        return new WorkListSummary(l.id(), l.year(), l.kind(), l.title(), names(unitIds, unitNames), unitIds,
                listItems.size(),
                listItems.stream().map(AssessmentItem::points).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private Map<Long, String> unitNames(String tenant) {
        return bureaus.units(tenant).stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

    private Map<Long, String> departmentNames(String tenant) {
        return bureaus.departments(tenant).stream().collect(Collectors.toMap(Department::id, Department::name));
    }

    private static List<String> names(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, String.valueOf(id))).toList();
    }
}
