package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.WorkListChanges.CopiedYear;
import cn.jiaoyun.core.assessment.WorkListChanges.ItemChange;
import cn.jiaoyun.core.assessment.WorkListChanges.ItemOrder;
import cn.jiaoyun.core.assessment.WorkListChanges.ListChange;
import cn.jiaoyun.core.assessment.WorkListChanges.NewList;
import cn.jiaoyun.core.assessment.WorkListChanges.RuleChange;
import cn.jiaoyun.core.assessment.WorkListChanges.YearCopy;
import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A bureau administrator builds work lists by hand: creates a list for a year, adds, edits,
 * reorders and removes its items, corrects the deduction rules read from their text, and copies
 * a year's lists to the next. Targets and rules are read from the typed content exactly as on
 * import ({@link ItemContentSync}). Every change is audited; points and targets of an item that
 * was reported on or reviewed change only when the person confirms.
 */
@Singleton
public class WorkListEditing {

    /** numeric(7, 2): the most points an item or a list may carry. */
    private static final BigDecimal MOST_POINTS = new BigDecimal("99999.99");

    private final TenantTransactions tx;
    private final BureauService bureaus;
    private final WorkListRepository lists;
    private final AssessmentItemRepository items;
    private final TargetRepository targets;
    private final DeductionRuleRepository rules;
    private final ItemContentSync contentSync;
    private final ItemActivity activity;
    private final WorkListService worklists;
    private final AuditLog audit;

    public WorkListEditing(TenantTransactions tx, BureauService bureaus, WorkListRepository lists,
                           AssessmentItemRepository items, TargetRepository targets, DeductionRuleRepository rules,
                           ItemContentSync contentSync, ItemActivity activity, WorkListService worklists,
                           AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.lists = lists;
        this.items = items;
        this.targets = targets;
        this.rules = rules;
        this.contentSync = contentSync;
        this.activity = activity;
        this.worklists = worklists;
        this.audit = audit;
    }

    // ---- lists

    /** Creates an empty list: a unit's key list (one unit) or a routine list (one or more units). */
    public WorkListSummary createList(Actor admin, NewList request, String clientIp) {
        String tenant = admin.bureau();
        Map<Long, Unit> activeUnits = bureaus.units(tenant).stream().filter(Unit::active)
                .collect(Collectors.toMap(Unit::id, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        Integer year = request.year();
        if (year == null) {
            errors.add(new FieldError("year", "field.required"));
        } else if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "field.year.range"));
        }
        WorkListKind kind = null;
        if (request.kind() == null || request.kind().isBlank()) {
            errors.add(new FieldError("kind", "field.required"));
        } else {
            try {
                kind = WorkListKind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "worklist.kind.unknown", request.kind()));
            }
            // a plan list comes from its document, with the hierarchy of its sections (POST /api/plans/import)
            if (kind == WorkListKind.PLAN) {
                errors.add(new FieldError("kind", "worklist.kind.unknown", request.kind()));
                kind = null;
            }
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "field.required"));
        }
        List<Long> unitIds = request.unitIds() == null ? List.of()
                : request.unitIds().stream().filter(Objects::nonNull).distinct().toList();
        if (unitIds.isEmpty()) {
            errors.add(new FieldError("unitIds", "worklist.units.empty"));
        } else if (kind == WorkListKind.KEY && unitIds.size() > 1) {
            errors.add(new FieldError("unitIds", "worklist.units.key-one"));
        }
        for (Long unitId : unitIds) {
            if (!activeUnits.containsKey(unitId)) {
                errors.add(new FieldError("unitIds", "field.unit.unknown", String.valueOf(unitId)));
            }
        }
        BigDecimal expected = expectedPoints(request.expectedPoints(), errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        WorkListKind listKind = kind;
        long id = tx.inBureau(tenant, () -> {
            refuseDuplicate(tenant, year, listKind, title, unitIds, activeUnits);
            WorkList saved = lists.save(new WorkList(null, tenant, year, listKind, title, null, expected));
            unitIds.forEach(u -> lists.addUnit(tenant, saved.id(), u));
            audit.record(tenant, admin.auditName(), AuditAction.WORK_LIST_CREATED, "work-list:" + saved.id(),
                    "year=" + year + ", kind=" + listKind + ", title=" + title + ", units="
                            + unitIds.stream().map(u -> activeUnits.get(u).name()).collect(Collectors.joining("、"))
                            + ", expected=" + plain(expected), clientIp);
            return saved.id();
        });
        return worklists.list(tenant, id).list();
    }

    /** Renames a list or changes the total it is expected to reach (not below its items' total). */
    public WorkListSummary changeList(Actor admin, long id, ListChange change, String clientIp) {
        String tenant = admin.bureau();
        List<FieldError> errors = new ArrayList<>();
        String title = change.title() == null ? "" : change.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "field.required"));
        }
        BigDecimal expected = expectedPoints(change.expectedPoints(), errors);
        tx.inBureau(tenant, () -> {
            WorkList old = list(tenant, id);
            if (!errors.isEmpty()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
            }
            BigDecimal total = WorkListService.total(items.findByTenantIdAndWorkListIdOrderByPosition(tenant, id));
            if (expected != null && total.compareTo(expected) > 0) {
                throw ApiProblem.badField("expectedPoints", "worklist.expected.below-total", plain(total));
            }
            if (!title.equals(old.title()) && old.kind() == WorkListKind.ROUTINE
                    && lists.findRoutineList(tenant, old.year(), title).isPresent()) {
                throw new ApiProblem(HttpStatus.CONFLICT, List.of(new FieldError("title", "worklist.routine.exists",
                        String.valueOf(old.year()), title)), "worklist.routine.exists", String.valueOf(old.year()), title);
            }
            lists.update(new WorkList(old.id(), tenant, old.year(), old.kind(), title, old.source(), expected));
            audit.record(tenant, admin.auditName(), AuditAction.WORK_LIST_UPDATED, "work-list:" + id,
                    "before=title " + old.title() + ", expected " + plain(old.expectedPoints())
                            + "; after=title " + title + ", expected " + plain(expected), clientIp);
            return null;
        });
        return worklists.list(tenant, id).list();
    }

    /** Deletes a list nobody has reported on, reviewed or deducted from yet. */
    public void deleteList(Actor admin, long id, String clientIp) {
        String tenant = admin.bureau();
        tx.inBureau(tenant, () -> {
            WorkList old = list(tenant, id);
            if (lists.hasActivity(tenant, id)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "worklist.list.has-activity", old.title());
            }
            int count = items.findByTenantIdAndWorkListIdOrderByPosition(tenant, id).size();
            lists.delete(old);
            audit.record(tenant, admin.auditName(), AuditAction.WORK_LIST_DELETED, "work-list:" + id,
                    "before=year " + old.year() + ", kind " + old.kind() + ", title " + old.title() + ", "
                            + count + " items", clientIp);
            return null;
        });
    }

    // ---- items

    /** Adds an item at the end of the list; its targets and rules are read from its content. */
    public ItemDetail addItem(Actor admin, long listId, ItemChange change, String clientIp) {
        String tenant = admin.bureau();
        Map<Long, Department> departments = activeDepartments(tenant);
        long id = tx.inBureau(tenant, () -> {
            WorkList list = itemsOf(tenant, listId);
            Typed typed = validate(tenant, list, null, change, departments);
            AssessmentItem saved = items.save(new AssessmentItem(null, tenant, listId,
                    items.lastPosition(tenant, listId) + 1, typed.title(), typed.content(), typed.points()));
            contentSync.syncDepartments(tenant, saved.id(), typed.departmentIds());
            contentSync.follow(tenant, saved);
            audit.record(tenant, admin.auditName(), AuditAction.ITEM_ADDED, "item:" + saved.id(),
                    "after=" + describe(saved, typed.departmentIds(), departments) + "; " + targetsOf(tenant, saved.id())
                            + " in work-list:" + listId, clientIp);
            return saved.id();
        });
        return worklists.item(tenant, id);
    }

    /**
     * Changes an item. When units reported on it or departments reviewed it, a change of its points
     * or of the targets its content states needs {@code confirm}; the audit keeps before and after.
     */
    public ItemDetail changeItem(Actor admin, long itemId, ItemChange change, String clientIp) {
        String tenant = admin.bureau();
        Map<Long, Department> departments = activeDepartments(tenant);
        tx.inBureau(tenant, () -> {
            AssessmentItem old = item(tenant, itemId);
            WorkList list = itemsOf(tenant, old.workListId());
            Typed typed = validate(tenant, list, old, change, departments);
            boolean pointsChange = !samePoints(old.points(), typed.points());
            boolean contentChange = !old.content().equals(typed.content());
            if (pointsChange || (contentChange && contentSync.targetsWouldChange(tenant, itemId, typed.content()))) {
                activity.requireConfirmation(tenant, old, change.confirm());
            }
            List<Long> oldDepartments = items.findDepartmentIds(tenant, itemId);
            String targetsBefore = targetsOf(tenant, itemId);
            AssessmentItem updated = items.update(new AssessmentItem(old.id(), tenant, old.workListId(),
                    old.position(), typed.title(), typed.content(), typed.points()));
            contentSync.syncDepartments(tenant, itemId, typed.departmentIds());
            if (contentChange || pointsChange) {
                contentSync.follow(tenant, updated);
            }
            String targetsAfter = targetsOf(tenant, itemId);
            audit.record(tenant, admin.auditName(), AuditAction.ITEM_UPDATED, "item:" + itemId,
                    "before=" + describe(old, oldDepartments, departments) + ", " + targetsBefore
                            + "; after=" + describe(updated, typed.departmentIds(), departments) + ", " + targetsAfter
                            + (Boolean.TRUE.equals(change.confirm()) ? "; confirmed" : ""), clientIp);
            return null;
        });
        return worklists.item(tenant, itemId);
    }

    /** Puts the list's items in the given order; every item of the list must be named once. */
    public WorkListDetail reorder(Actor admin, long listId, ItemOrder order, String clientIp) {
        String tenant = admin.bureau();
        tx.inBureau(tenant, () -> {
            itemsOf(tenant, listId);
            List<AssessmentItem> current = items.findByTenantIdAndWorkListIdOrderByPosition(tenant, listId);
            List<Long> wanted = order.itemIds() == null ? List.of() : order.itemIds();
            Set<Long> have = current.stream().map(AssessmentItem::id).collect(Collectors.toSet());
            if (wanted.size() != current.size() || !have.equals(new HashSet<>(wanted))) {
                throw ApiProblem.badField("itemIds", "worklist.order.mismatch", String.valueOf(current.size()));
            }
            for (int i = 0; i < wanted.size(); i++) {
                items.move(tenant, wanted.get(i), i + 1);
            }
            audit.record(tenant, admin.auditName(), AuditAction.ITEMS_REORDERED, "work-list:" + listId,
                    "before=" + current.stream().map(i -> String.valueOf(i.id())).collect(Collectors.joining(","))
                            + "; after=" + wanted.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    clientIp);
            return null;
        });
        return worklists.list(tenant, listId);
    }

    /** Removes an item nobody has reported on, reviewed or deducted from; the rest close up. */
    public void removeItem(Actor admin, long itemId, String clientIp) {
        String tenant = admin.bureau();
        tx.inBureau(tenant, () -> {
            AssessmentItem old = item(tenant, itemId);
            itemsOf(tenant, old.workListId());
            activity.any(tenant, itemId).ifPresent(a -> {
                throw new ApiProblem(HttpStatus.CONFLICT, "worklist.item.has-activity", old.title(), a);
            });
            items.delete(old);
            int position = 1;
            for (AssessmentItem rest : items.findByTenantIdAndWorkListIdOrderByPosition(tenant, old.workListId())) {
                if (rest.position() != position) {
                    items.move(tenant, rest.id(), position);
                }
                position++;
            }
            audit.record(tenant, admin.auditName(), AuditAction.ITEM_REMOVED, "item:" + itemId,
                    "before=" + old.title() + ", " + plain(old.points()) + " 分, work-list:" + old.workListId(), clientIp);
            return null;
        });
    }

    // ---- deduction rules

    /** A person adds a deduction rule the text does not state. */
    public DeductionRule addRule(Actor actor, long itemId, RuleChange change, String clientIp) {
        String tenant = actor.bureau();
        return tx.inBureau(tenant, () -> {
            AssessmentItem item = item(tenant, itemId);
            DeductionRule wanted = rule(tenant, item, change);
            activity.requireConfirmation(tenant, item, change.confirm());
            DeductionRule saved = rules.save(wanted);
            audit.record(tenant, actor.auditName(), AuditAction.DEDUCTION_RULE_ADDED, "item:" + itemId,
                    "after=" + describe(saved), clientIp);
            return saved;
        });
    }

    /** A person corrects a rule; a read one stays suppressed so that the text does not bring it back. */
    public DeductionRule correctRule(Actor actor, long ruleId, RuleChange change, String clientIp) {
        String tenant = actor.bureau();
        return tx.inBureau(tenant, () -> {
            DeductionRule old = activeRule(tenant, ruleId);
            AssessmentItem item = item(tenant, old.itemId());
            DeductionRule wanted = rule(tenant, item, change);
            activity.requireConfirmation(tenant, item, change.confirm());
            DeductionRule corrected;
            if (old.origin() == TargetOrigin.EXTRACTED || rules.isUsed(tenant, old.id())) {
                rules.update(old.suppress());
                corrected = rules.save(wanted);
            } else {
                corrected = rules.update(new DeductionRule(old.id(), tenant, old.itemId(), wanted.pointsPerOccurrence(),
                        wanted.cap(), wanted.description(), TargetOrigin.USER, false));
            }
            audit.record(tenant, actor.auditName(), AuditAction.DEDUCTION_RULE_CORRECTED, "item:" + old.itemId(),
                    "before=" + describe(old) + "; after=" + describe(corrected), clientIp);
            return corrected;
        });
    }

    public void removeRule(Actor actor, long ruleId, boolean confirm, String clientIp) {
        String tenant = actor.bureau();
        tx.inBureau(tenant, () -> {
            DeductionRule old = activeRule(tenant, ruleId);
            activity.requireConfirmation(tenant, item(tenant, old.itemId()), confirm);
            if (old.origin() == TargetOrigin.EXTRACTED || rules.isUsed(tenant, old.id())) {
                rules.update(old.suppress());
            } else {
                rules.delete(old);
            }
            audit.record(tenant, actor.auditName(), AuditAction.DEDUCTION_RULE_REMOVED, "item:" + old.itemId(),
                    "before=" + describe(old), clientIp);
            return null;
        });
    }

    // ---- copying a year

    /**
     * Copies every list of {@code fromYear} into {@code toYear} as a starting point: units, items,
     * departments, targets (not removed ones) and rules, without reports, reviews or deductions.
     * Units and departments no longer active are left out, and so is a key list whose unit is.
     */
    public CopiedYear copyYear(Actor admin, YearCopy request, String clientIp) {
        String tenant = admin.bureau();
        List<FieldError> errors = new ArrayList<>();
        Integer from = request.fromYear();
        Integer to = request.toYear();
        checkYear("fromYear", from, errors);
        checkYear("toYear", to, errors);
        if (from != null && from.equals(to)) {
            errors.add(new FieldError("toYear", "worklist.copy.same-year"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        Map<Long, Unit> units = bureaus.units(tenant).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Set<Long> activeDepartments = activeDepartments(tenant).keySet();
        List<Long> created = tx.inBureau(tenant, () -> {
            // a plan list is not copied: next year's plan is a document of its own, imported as such
            List<WorkList> source = lists.findByTenantIdAndYearOrderById(tenant, from).stream()
                    .filter(l -> l.kind() != WorkListKind.PLAN).toList();
            if (source.isEmpty()) {
                throw ApiProblem.badField("fromYear", "worklist.copy.empty", String.valueOf(from));
            }
            List<WorkList> existing = lists.findByTenantIdAndYearOrderById(tenant, to);
            Set<String> taken = new HashSet<>();
            for (WorkList l : existing) {
                taken.add(sameness(l, lists.findUnitIds(tenant, l.id())));
            }
            Set<String> clashes = new LinkedHashSet<>();
            for (WorkList l : source) {
                if (taken.contains(sameness(l, lists.findUnitIds(tenant, l.id())))) {
                    clashes.add(l.title() + unitLabel(l, lists.findUnitIds(tenant, l.id()), units));
                }
            }
            if (!clashes.isEmpty()) {
                String named = String.join("；", clashes);
                throw new ApiProblem(HttpStatus.CONFLICT, List.of(new FieldError("toYear", "worklist.copy.exists",
                        String.valueOf(to), named)), "worklist.copy.exists", String.valueOf(to), named);
            }
            List<Long> ids = new ArrayList<>();
            int itemCount = 0;
            for (WorkList l : source) {
                List<Long> unitIds = lists.findUnitIds(tenant, l.id()).stream()
                        .filter(u -> units.containsKey(u) && units.get(u).active()).toList();
                if (unitIds.isEmpty()) {
                    continue;
                }
                WorkList copy = lists.save(new WorkList(null, tenant, to, l.kind(), l.title(),
                        "copy:" + from, l.expectedPoints()));
                unitIds.forEach(u -> lists.addUnit(tenant, copy.id(), u));
                for (AssessmentItem item : items.findByTenantIdAndWorkListIdOrderByPosition(tenant, l.id())) {
                    copyItem(tenant, item, copy.id(), activeDepartments);
                    itemCount++;
                }
                ids.add(copy.id());
            }
            audit.record(tenant, admin.auditName(), AuditAction.WORK_LISTS_COPIED, "year:" + to,
                    "from=" + from + ", to=" + to + ", lists " + ids.size() + ", items " + itemCount, clientIp);
            return ids;
        });
        List<WorkListSummary> summaries = worklists.lists(tenant, to).stream()
                .filter(s -> created.contains(s.id())).toList();
        return new CopiedYear(from, to, summaries, summaries.stream().mapToInt(WorkListSummary::items).sum());
    }

    private void copyItem(String tenant, AssessmentItem item, long listId, Set<Long> activeDepartments) {
        AssessmentItem copy = items.save(new AssessmentItem(null, tenant, listId, item.position(), item.title(),
                item.content(), item.points()));
        for (Long d : items.findDepartmentIds(tenant, item.id())) {
            if (activeDepartments.contains(d)) {
                items.addDepartment(tenant, copy.id(), d);
            }
        }
        for (Target t : targets.findByTenantIdAndItemIdOrderById(tenant, item.id())) {
            if (!t.suppressed()) {
                targets.save(new Target(null, tenant, copy.id(), t.subject(), t.comparator(), t.value(), t.unit(),
                        t.deadlineMonth(), t.deadlineDay(), t.spanStart(), t.spanEnd(), t.origin(), false));
            }
        }
        for (DeductionRule r : rules.findByTenantIdAndItemIdOrderById(tenant, item.id())) {
            if (!r.suppressed()) {
                rules.save(new DeductionRule(null, tenant, copy.id(), r.pointsPerOccurrence(), r.cap(),
                        r.description(), r.origin(), false));
            }
        }
    }

    // ---- validation and words

    private record Typed(String title, String content, @Nullable BigDecimal points, List<Long> departmentIds) {
    }

    private Typed validate(String tenant, WorkList list, @Nullable AssessmentItem old, ItemChange change,
                           Map<Long, Department> departments) {
        List<FieldError> errors = new ArrayList<>();
        String title = change.title() == null ? "" : change.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "field.required"));
        }
        String content = change.content() == null ? "" : change.content().strip();
        if (content.isEmpty()) {
            errors.add(new FieldError("content", "field.required"));
        }
        BigDecimal points = points(change.points(), "points", errors);
        // the lists built by hand so far are scored: every item carries points
        if (points == null && errors.stream().noneMatch(e -> e.field().equals("points"))) {
            errors.add(new FieldError("points", "field.required"));
        }
        if (points != null && errors.stream().noneMatch(e -> e.field().equals("points"))
                && list.expectedPoints() != null) {
            BigDecimal others = WorkListService.total(items.findByTenantIdAndWorkListIdOrderByPosition(tenant, list.id())
                    .stream().filter(i -> old == null || !i.id().equals(old.id())).toList());
            BigDecimal total = others.add(points);
            if (total.compareTo(list.expectedPoints()) > 0) {
                errors.add(new FieldError("points", "worklist.points.above-expected", plain(total),
                        plain(list.expectedPoints()), plain(list.expectedPoints().subtract(others).max(BigDecimal.ZERO))));
            }
        }
        List<Long> departmentIds = change.departmentIds() == null ? List.of()
                : change.departmentIds().stream().filter(Objects::nonNull).distinct().toList();
        if (departmentIds.isEmpty()) {
            errors.add(new FieldError("departmentIds", "worklist.departments.empty"));
        }
        for (Long d : departmentIds) {
            if (!departments.containsKey(d)) {
                errors.add(new FieldError("departmentIds", "field.department.unknown", String.valueOf(d)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        return new Typed(title, content, points, departmentIds);
    }

    /**
     * A number of points as typed: a JSON number or a string such as "4", "2.5" or "4分"; null when
     * not given. Negative, non-numeric, more than two decimals or too large are named on {@code field}.
     */
    static @Nullable BigDecimal points(@Nullable Object typed, String field, List<FieldError> errors) {
        if (typed == null || (typed instanceof String s && s.isBlank())) {
            return null;
        }
        BigDecimal value;
        try {
            String text = typed instanceof Number n ? n.toString() : typed.toString().strip();
            if (text.endsWith("分")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "worklist.points.not-a-number", typed.toString()));
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "worklist.points.negative"));
            return null;
        }
        value = value.stripTrailingZeros();
        if (value.scale() > 2) {
            errors.add(new FieldError(field, "worklist.points.scale"));
            return null;
        }
        if (value.compareTo(MOST_POINTS) > 0) {
            errors.add(new FieldError(field, "worklist.points.too-large"));
            return null;
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static @Nullable BigDecimal expectedPoints(@Nullable Object typed, List<FieldError> errors) {
        BigDecimal expected = points(typed, "expectedPoints", errors);
        if (expected != null && expected.signum() == 0) {
            errors.add(new FieldError("expectedPoints", "worklist.expected.zero"));
            return null;
        }
        return expected;
    }

    private DeductionRule rule(String tenant, AssessmentItem item, RuleChange change) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal each = points(change.pointsPerOccurrence(), "pointsPerOccurrence", errors);
        if (each == null && errors.isEmpty()) {
            errors.add(new FieldError("pointsPerOccurrence", "field.required"));
        } else if (each != null && each.signum() == 0) {
            errors.add(new FieldError("pointsPerOccurrence", "worklist.rule.zero"));
        }
        BigDecimal cap = points(change.cap(), "cap", errors);
        if (cap != null && cap.signum() == 0) {
            errors.add(new FieldError("cap", "worklist.rule.zero"));
        }
        String description = change.description() == null ? "" : change.description().strip();
        if (description.isEmpty()) {
            errors.add(new FieldError("description", "field.required"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        return new DeductionRule(null, tenant, item.id(), each, cap, description, TargetOrigin.USER, false);
    }

    private static void checkYear(String field, @Nullable Integer year, List<FieldError> errors) {
        if (year == null) {
            errors.add(new FieldError(field, "field.required"));
        } else if (year < 2000 || year > 2100) {
            errors.add(new FieldError(field, "field.year.range"));
        }
    }

    /** A second KEY list of a unit, or a second ROUTINE list of the same title, in a year is refused. */
    private void refuseDuplicate(String tenant, int year, WorkListKind kind, String title, List<Long> unitIds,
                                 Map<Long, Unit> units) {
        if (kind == WorkListKind.KEY && lists.findKeyList(tenant, year, unitIds.get(0)).isPresent()) {
            String unit = units.get(unitIds.get(0)).name();
            throw new ApiProblem(HttpStatus.CONFLICT, List.of(new FieldError("unitIds", "worklist.key.exists",
                    String.valueOf(year), unit)), "worklist.key.exists", String.valueOf(year), unit);
        }
        if (kind == WorkListKind.ROUTINE && lists.findRoutineList(tenant, year, title).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, List.of(new FieldError("title", "worklist.routine.exists",
                    String.valueOf(year), title)), "worklist.routine.exists", String.valueOf(year), title);
        }
    }

    /** What makes two lists of different years the same list: kind, title and (for a key list) unit. */
    private static String sameness(WorkList l, List<Long> unitIds) {
        return l.kind() + "|" + l.title() + "|" + (l.kind() == WorkListKind.KEY ? unitIds.toString() : "");
    }

    private static String unitLabel(WorkList l, List<Long> unitIds, Map<Long, Unit> units) {
        if (l.kind() != WorkListKind.KEY) {
            return "";
        }
        return "（" + unitIds.stream().map(u -> units.containsKey(u) ? units.get(u).name() : String.valueOf(u))
                .collect(Collectors.joining("、")) + "）";
    }

    /** The list, locked for the rest of the transaction so that totals and positions stay consistent. */
    private WorkList list(String tenant, long id) {
        return lists.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("work-list", id));
    }

    /**
     * A list whose items are edited here, locked. A plan list's items follow its document (sections and
     * tasks in their hierarchy): they change by importing the plan again, owners and points on the plan.
     */
    private WorkList itemsOf(String tenant, long id) {
        WorkList l = list(tenant, id);
        if (l.kind() == WorkListKind.PLAN) {
            throw new ApiProblem(HttpStatus.CONFLICT, "worklist.plan.by-document", l.title());
        }
        return l;
    }

    private AssessmentItem item(String tenant, long id) {
        return items.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiProblem.notFound("item", id));
    }

    private DeductionRule activeRule(String tenant, long id) {
        return rules.findByTenantIdAndId(tenant, id).filter(r -> !r.suppressed())
                .orElseThrow(() -> ApiProblem.notFound("deduction-rule", id));
    }

    private Map<Long, Department> activeDepartments(String tenant) {
        return bureaus.departments(tenant).stream().filter(Department::active)
                .collect(Collectors.toMap(Department::id, Function.identity()));
    }

    private String targetsOf(String tenant, long itemId) {
        return "targets [" + targets.findByTenantIdAndItemIdOrderById(tenant, itemId).stream()
                .filter(t -> !t.suppressed()).map(WorkListService::describe).collect(Collectors.joining("; ")) + "]";
    }

    private static String describe(AssessmentItem item, List<Long> departmentIds, Map<Long, Department> departments) {
        return "title " + item.title() + ", points " + plain(item.points()) + ", departments "
                + departmentIds.stream().map(d -> departments.containsKey(d) ? departments.get(d).name()
                : String.valueOf(d)).collect(Collectors.joining("、"));
    }

    private static String describe(DeductionRule r) {
        return r.description() + "：每次扣" + plain(r.pointsPerOccurrence()) + "分"
                + (r.cap() == null ? "" : "，最多扣" + plain(r.cap()) + "分");
    }

    private static boolean samePoints(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
