package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.WorkflowViews.DeductionEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ItemProgress;
import cn.jiaoyun.core.assessment.WorkflowViews.OverdueItem;
import cn.jiaoyun.core.assessment.WorkflowViews.ProgressEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ReviewEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ScorecardRow;
import cn.jiaoyun.core.assessment.WorkflowViews.TargetState;
import cn.jiaoyun.core.assessment.WorkflowViews.ValueEntry;
import cn.jiaoyun.core.assessment.scoring.ItemScore;
import cn.jiaoyun.core.assessment.scoring.TargetProgress;
import cn.jiaoyun.core.assessment.scoring.TargetStatus;
import cn.jiaoyun.core.assessment.scoring.UnitScorecard;
import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.identity.UserAccount;
import cn.jiaoyun.core.identity.UserRepository;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The year's workflow: reporters report monthly for their own unit's items, supervising
 * departments score the items they supervise and record deductions, and the units' scorecards
 * and ranking follow. Every change of a value or a score is audited with before and after.
 */
@Singleton
public class AssessmentWorkflow {

    /** Items due within this many days without a report since appear in the overdue list. */
    static final int DUE_SOON_DAYS = 15;

    private final TenantTransactions tx;
    private final BureauService bureaus;
    private final UserRepository users;
    private final WorkListRepository lists;
    private final AssessmentItemRepository items;
    private final TargetRepository targets;
    private final DeductionRuleRepository rules;
    private final ProgressRepository progress;
    private final ReviewRepository reviews;
    private final DeductionRepository deductions;
    private final AuditLog audit;

    private final cn.jiaoyun.core.indicators.IndicatorCatalog indicators;
    private final cn.jiaoyun.core.indicators.TargetIndicators targetIndicators;
    private final PlanItemRepository planItems;

    public AssessmentWorkflow(TenantTransactions tx, BureauService bureaus, UserRepository users,
                              WorkListRepository lists, AssessmentItemRepository items, TargetRepository targets,
                              DeductionRuleRepository rules, ProgressRepository progress, ReviewRepository reviews,
                              DeductionRepository deductions, AuditLog audit,
                              cn.jiaoyun.core.indicators.IndicatorCatalog indicators,
                              cn.jiaoyun.core.indicators.TargetIndicators targetIndicators,
                              PlanItemRepository planItems) {
        this.planItems = planItems;
        this.indicators = indicators;
        this.targetIndicators = targetIndicators;
        this.tx = tx;
        this.bureaus = bureaus;
        this.users = users;
        this.lists = lists;
        this.items = items;
        this.targets = targets;
        this.rules = rules;
        this.progress = progress;
        this.reviews = reviews;
        this.deductions = deductions;
        this.audit = audit;
    }

    /**
     * A reporter reports on an item of the own unit (a bureau administrator on any unit's); a user
     * of a department on a plan item the department owns (an administrator on any department's).
     */
    public ItemProgress report(Actor actor, long itemId, ProgressEntry entry, String clientIp) {
        String tenant = actor.bureau();
        Owner owner = Owner.of(entry.unitId(), entry.departmentId());
        LocalDate period;
        try {
            period = YearMonth.parse(entry.period().strip()).atDay(1);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.badField("period", "field.period.pattern");
        }
        return tx.inBureau(tenant, () -> {
            AssessmentItem item = itemOf(tenant, itemId, owner);
            if (!actor.has(Role.BUREAU_ADMIN)) {
                UserAccount me = account(actor);
                if (owner.isUnit() && (!actor.has(Role.REPORTER) || !owner.unitId().equals(me.unitId()))) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "workflow.report.own-unit");
                }
                if (!owner.isUnit() && !owner.departmentId().equals(me.departmentId())) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "workflow.report.own-department");
                }
            }
            Map<Long, Target> itemTargets = targets.findByTenantIdAndItemIdOrderById(tenant, item.id()).stream()
                    .filter(t -> !t.suppressed()).collect(Collectors.toMap(Target::id, t -> t));
            for (ValueEntry v : entry.values()) {
                if (!itemTargets.containsKey(v.targetId())) {
                    throw ApiProblem.badField("values", "workflow.target.not-of-item", v.targetId());
                }
            }
            ProgressReport existing = (owner.isUnit()
                    ? progress.findByTenantIdAndItemIdAndUnitIdAndPeriod(tenant, itemId, owner.unitId(), period)
                    : progress.findByTenantIdAndItemIdAndDepartmentIdAndPeriod(tenant, itemId, owner.departmentId(),
                            period))
                    .orElse(null);
            Map<Long, BigDecimal> before = new HashMap<>();
            if (existing != null) {
                valuesOf(tenant, itemId, owner).stream()
                        .filter(r -> r.period().equals(period)).forEach(r -> before.put(r.targetId(), r.actual()));
            }
            ProgressReport report = new ProgressReport(existing == null ? null : existing.id(), tenant, itemId,
                    owner.unitId(), period, entry.narrative() == null ? "" : entry.narrative().strip(),
                    actor.auditName(), OffsetDateTime.now(), owner.departmentId());
            ProgressReport stored = existing == null ? progress.save(report) : progress.update(report);
            List<String> changes = new ArrayList<>();
            for (ValueEntry v : entry.values()) {
                progress.putValue(tenant, stored.id(), v.targetId(), v.actual());
                BigDecimal old = before.get(v.targetId());
                if (old == null || old.compareTo(v.actual()) != 0) {
                    changes.add(itemTargets.get(v.targetId()).subject() + ": "
                            + (old == null ? "—" : plain(old)) + " → " + plain(v.actual()));
                }
            }
            audit.record(tenant, actor.auditName(), AuditAction.PROGRESS_REPORTED,
                    "item:" + itemId + ", " + owner + ", " + YearMonth.from(period), String.join("; ", changes),
                    clientIp);
            return progressOf(tenant, item, owner, LocalDate.now());
        });
    }

    /** An item's progress for a unit: targets with their status, reports, reviews, deductions. */
    public ItemProgress progress(String tenant, long itemId, long unitId, LocalDate today) {
        Owner owner = Owner.of(unitId, null);
        return tx.readInBureau(tenant, () -> progressOf(tenant, itemOf(tenant, itemId, owner), owner, today));
    }

    /** A plan item's progress for the department that owns it: targets with their status, reports. */
    public ItemProgress departmentProgress(String tenant, long itemId, long departmentId, LocalDate today) {
        Owner owner = Owner.of(null, departmentId);
        return tx.readInBureau(tenant, () -> progressOf(tenant, itemOf(tenant, itemId, owner), owner, today));
    }

    /** A supervising department scores a unit's item, 0 to the item's points. */
    public ItemProgress review(Actor actor, long itemId, ReviewEntry entry, String clientIp) {
        String tenant = actor.bureau();
        return tx.inBureau(tenant, () -> {
            AssessmentItem item = itemOfUnit(tenant, itemId, entry.unitId());
            long department = supervisingDepartment(actor, tenant, item);
            if (item.points() == null) {
                throw ApiProblem.badField("score", "plan.item.unscored");
            }
            if (entry.score() == null || entry.score().signum() < 0 || entry.score().compareTo(item.points()) > 0) {
                throw ApiProblem.badField("score", "workflow.score.range", item.points().stripTrailingZeros().toPlainString());
            }
            Review old = reviews.findByTenantIdAndItemIdAndUnitIdAndDepartmentId(tenant, itemId, entry.unitId(), department)
                    .orElse(null);
            Review wanted = new Review(old == null ? null : old.id(), tenant, itemId, entry.unitId(), department,
                    entry.score(), entry.comment() == null ? "" : entry.comment().strip(), actor.auditName(), OffsetDateTime.now());
            if (old == null) {
                reviews.save(wanted);
            } else {
                reviews.update(wanted);
            }
            audit.record(tenant, actor.auditName(), AuditAction.REVIEW_SCORED, "item:" + itemId + ", unit:" + entry.unitId(),
                    "before=" + (old == null ? "—" : plain(old.score())) + ", after=" + plain(entry.score()),
                    clientIp);
            return progressOf(tenant, item, Owner.of(entry.unitId(), null), LocalDate.now());
        });
    }

    /** A supervising department records a deduction, by one of the item's rules or directly. */
    public ItemProgress deduct(Actor actor, long itemId, DeductionEntry entry, String clientIp) {
        String tenant = actor.bureau();
        if (entry.reason() == null || entry.reason().isBlank()) {
            throw ApiProblem.badField("reason", "field.required");
        }
        return tx.inBureau(tenant, () -> {
            AssessmentItem item = itemOfUnit(tenant, itemId, entry.unitId());
            supervisingDepartment(actor, tenant, item);
            if (item.points() == null) {
                throw ApiProblem.badField("points", "plan.item.unscored");
            }
            BigDecimal points;
            if (entry.ruleId() != null) {
                DeductionRule rule = rules.findByTenantIdAndItemIdOrderById(tenant, itemId).stream()
                        .filter(r -> !r.suppressed())
                        .filter(r -> r.id().equals(entry.ruleId())).findFirst()
                        .orElseThrow(() -> ApiProblem.badField("ruleId", "workflow.rule.not-of-item", entry.ruleId()));
                if (entry.occurrences() == null || entry.occurrences() < 1) {
                    throw ApiProblem.badField("occurrences", "workflow.occurrences.positive");
                }
                points = rule.pointsPerOccurrence().multiply(BigDecimal.valueOf(entry.occurrences()));
            } else {
                if (entry.points() == null || entry.points().signum() <= 0 || entry.points().compareTo(item.points()) > 0) {
                    throw ApiProblem.badField("points", "workflow.score.range", item.points().stripTrailingZeros().toPlainString());
                }
                points = entry.points();
            }
            deductions.save(new Deduction(null, tenant, itemId, entry.unitId(), entry.ruleId(), entry.occurrences(),
                    points, entry.reason().strip(), actor.auditName(), OffsetDateTime.now()));
            audit.record(tenant, actor.auditName(), AuditAction.DEDUCTION_RECORDED, "item:" + itemId + ", unit:" + entry.unitId(),
                    "points=" + plain(points) + ", reason=" + entry.reason().strip(), clientIp);
            return progressOf(tenant, item, Owner.of(entry.unitId(), null), LocalDate.now());
        });
    }

    /** The units' scorecards of a year, ranked. */
    public List<ScorecardRow> scorecards(String tenant, int year) {
        List<Unit> units = bureaus.units(tenant).stream().filter(Unit::active).toList();
        return tx.readInBureau(tenant, () -> {
            List<UnitScorecard> cards = new ArrayList<>();
            // items of the routine list apply to every unit: read each item's rule caps once
            Map<Long, Map<Long, BigDecimal>> capsByItem = new HashMap<>();
            for (Unit unit : units) {
                // an unscored (不计分) plan item is tracked but takes no part in the ranking
                List<AssessmentItem> unitItems = itemsOf(tenant, year, unit.id()).stream()
                        .filter(i -> i.points() != null).toList();
                if (unitItems.isEmpty()) {
                    continue;
                }
                Map<Long, List<BigDecimal>> scores = reviews.findByTenantIdAndUnitId(tenant, unit.id()).stream()
                        .collect(Collectors.groupingBy(Review::itemId, Collectors.mapping(Review::score, Collectors.toList())));
                Map<Long, List<Deduction>> taken = deductions.findByTenantIdAndUnitId(tenant, unit.id()).stream()
                        .collect(Collectors.groupingBy(Deduction::itemId));
                List<ItemScore> itemScores = new ArrayList<>();
                for (AssessmentItem item : unitItems) {
                    Map<Long, BigDecimal> caps = capsByItem.computeIfAbsent(item.id(), id -> {
                        Map<Long, BigDecimal> c = new HashMap<>();
                        rules.findByTenantIdAndItemIdOrderById(tenant, id).forEach(r -> c.put(r.id(), r.cap()));
                        return c;
                    });
                    itemScores.add(new ItemScore(item.id(), item.points(), scores.getOrDefault(item.id(), List.of()),
                            taken.getOrDefault(item.id(), List.of()).stream()
                                    .map(d -> new ItemScore.Deduction(d.ruleId(), d.points(), d.ruleId() == null ? null : caps.get(d.ruleId())))
                                    .toList()));
                }
                cards.add(new UnitScorecard(unit.id(), unit.name(), itemScores));
            }
            return UnitScorecard.rank(cards).stream()
                    .map(r -> new ScorecardRow(r.rank(), r.scorecard().unitId(), r.scorecard().unitName(),
                            r.scorecard().maxPoints(), r.scorecard().reviewed(), r.scorecard().deducted(),
                            r.scorecard().total(), r.scorecard().itemsReviewed(), r.scorecard().items().size()))
                    .toList();
        });
    }

    /**
     * The review queue of a supervisor: for every unit, the items of the year that the
     * supervisor's department supervises and has not scored yet. Empty for other accounts.
     */
    public List<WorkflowViews.PendingReview> pendingReviews(Actor actor, int year) {
        String tenant = actor.bureau();
        if (!actor.has(Role.SUPERVISOR) || actor.userId() == null) {
            return List.of();
        }
        List<Unit> units = bureaus.units(tenant).stream().filter(Unit::active).toList();
        return tx.readInBureau(tenant, () -> {
            Long department = users.findByTenantIdAndId(tenant, actor.userId()).map(UserAccount::departmentId).orElse(null);
            if (department == null) {
                return List.<WorkflowViews.PendingReview>of();
            }
            List<WorkflowViews.PendingReview> out = new ArrayList<>();
            for (Unit unit : units) {
                Set<Long> scored = reviews.findByTenantIdAndUnitId(tenant, unit.id()).stream()
                        .filter(r -> r.departmentId() == department).map(Review::itemId).collect(Collectors.toSet());
                for (AssessmentItem item : itemsOf(tenant, year, unit.id())) {
                    if (item.points() != null && !scored.contains(item.id())
                            && items.findDepartmentIds(tenant, item.id()).contains(department)) {
                        out.add(new WorkflowViews.PendingReview(item.id(), item.title(), unit.id(), unit.name(), item.points()));
                    }
                }
            }
            return out;
        });
    }

    /** The ranking of a year as an .xlsx workbook. */
    public byte[] scorecardWorkbook(String tenant, int year) {
        return ScorecardWorkbook.of(bureaus.profile(tenant).bureau().name(), year, scorecards(tenant, year));
    }

    /** 催办: items whose target is due within 15 days or overdue, with no report since the month it was due in. */
    public List<OverdueItem> overdue(String tenant, int year, LocalDate today) {
        List<Unit> units = bureaus.units(tenant).stream().filter(Unit::active).toList();
        List<Department> departments = bureaus.departments(tenant).stream().filter(Department::active).toList();
        return tx.readInBureau(tenant, () -> {
            List<OverdueItem> out = new ArrayList<>();
            for (Unit unit : units) {
                for (AssessmentItem item : itemsOf(tenant, year, unit.id())) {
                    overdueItem(tenant, year, today, item, Owner.of(unit.id(), null), unit.name()).ifPresent(out::add);
                }
            }
            for (Department department : departments) {
                for (Long itemId : planItems.findItemIdsOwnedByDepartment(tenant, year, department.id())) {
                    items.findByTenantIdAndId(tenant, itemId).flatMap(item -> overdueItem(tenant, year, today, item,
                            Owner.of(null, department.id()), department.name())).ifPresent(out::add);
                }
            }
            out.sort(java.util.Comparator.comparing(OverdueItem::deadline).thenComparing(OverdueItem::unitName));
            return out;
        });
    }

    /** The owner's item when a target is due soon or overdue and the owner has not reported since. */
    private Optional<OverdueItem> overdueItem(String tenant, int year, LocalDate today, AssessmentItem item,
                                              Owner owner, String ownerName) {
        List<LocalDate> periods = owner.isUnit() ? progress.periods(tenant, item.id(), owner.unitId())
                : progress.departmentPeriods(tenant, item.id(), owner.departmentId());
        LocalDate last = periods.stream().max(LocalDate::compareTo).orElse(null);
        for (Target t : targets.findByTenantIdAndItemIdOrderById(tenant, item.id())) {
            if (t.suppressed() || t.deadlineMonth() == null) {
                continue;
            }
            LocalDate due = TargetProgress.deadline(year, t.deadlineMonth(), t.deadlineDay());
            boolean near = !due.isAfter(today.plusDays(DUE_SOON_DAYS));
            boolean reportedSince = last != null && !last.isBefore(due.withDayOfMonth(1));
            if (near && !reportedSince) {
                return Optional.of(new OverdueItem(item.id(), item.title(), owner.unitId(), ownerName,
                        t.subject() + " " + t.comparator().symbol() + " "
                                + (t.value() == null ? "?" : t.value().stripTrailingZeros().toPlainString()) + t.unit(),
                        due, due.isBefore(today), last, owner.departmentId()));
            }
        }
        return Optional.empty();
    }

    /** A number as people write it: 9, not 9.0000 as PostgreSQL's numeric(18,4) returns it. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private List<ProgressRepository.ValueRow> valuesOf(String tenant, long itemId, Owner owner) {
        return owner.isUnit() ? progress.values(tenant, itemId, owner.unitId())
                : progress.departmentValues(tenant, itemId, owner.departmentId());
    }

    private ItemProgress progressOf(String tenant, AssessmentItem item, Owner owner, LocalDate today) {
        int year = lists.findByTenantIdAndId(tenant, item.workListId()).orElseThrow().year();
        Map<Long, ProgressRepository.ValueRow> latest = new HashMap<>();
        for (ProgressRepository.ValueRow row : valuesOf(tenant, item.id(), owner)) {
            latest.putIfAbsent(row.targetId(), row);
        }
        Map<Long, String> fedBy = targetIndicators.ofItem(tenant, item.id());
        Map<String, cn.jiaoyun.core.indicators.Indicator> catalog = fedBy.isEmpty() ? Map.of()
                : indicators.byCode(tenant);
        java.time.YearMonth through = today.getYear() > year ? java.time.YearMonth.of(year, 12)
                : java.time.YearMonth.of(year, today.getYear() < year ? 1 : today.getMonthValue());
        List<TargetState> states = targets.findByTenantIdAndItemIdOrderById(tenant, item.id()).stream()
                .filter(t -> !t.suppressed())
                .map(t -> {
                    ProgressRepository.ValueRow row = latest.get(t.id());
                    String code = fedBy.get(t.id());
                    cn.jiaoyun.core.indicators.Indicator indicator = code == null ? null : catalog.get(code);
                    BigDecimal live = indicator == null ? null : inTargetUnit(
                            indicators.yearToDate(tenant, indicator, through), indicator.unit(), t.unit());
                    BigDecimal actual = code != null ? live : row == null ? null : row.actual();
                    TargetStatus status = TargetProgress.evaluate(t.comparator(), t.value(), actual,
                            t.deadlineMonth(), t.deadlineDay(), year, today);
                    return new TargetState(t, row == null ? null : row.actual(), row == null ? null : row.period(),
                            status, status.colour(), code, live);
                })
                .toList();
        if (!owner.isUnit()) {
            // a department's plan item is tracked, not scored: it has reports, no reviews or deductions
            long department = owner.departmentId();
            return new ItemProgress(item.id(), null, states,
                    progress.findByTenantIdAndItemIdAndDepartmentIdOrderByPeriodDesc(tenant, item.id(), department),
                    List.of(), List.of(), department);
        }
        long unitId = owner.unitId();
        return new ItemProgress(item.id(), unitId, states,
                progress.findByTenantIdAndItemIdAndUnitIdOrderByPeriodDesc(tenant, item.id(), unitId),
                reviews.findByTenantIdAndItemIdAndUnitId(tenant, item.id(), unitId),
                deductions.findByTenantIdAndItemIdAndUnitIdOrderById(tenant, item.id(), unitId), null);
    }

    /**
     * The indicator's figure in the target's unit: a target of 8万TEU read against an indicator in
     * TEU, 61.5亿元 against 万元. Units that do not convert (or a target without one) leave it as is.
     */
    private static BigDecimal inTargetUnit(BigDecimal value, String indicatorUnit, String targetUnit) {
        if (value == null || targetUnit == null || targetUnit.isBlank()) {
            return value;
        }
        return cn.jiaoyun.core.indicators.Units.convert(value, indicatorUnit, targetUnit).orElse(value);
    }

    /**
     * The item, when it belongs to a list that applies to the unit, or to a plan with the unit as
     * the item's owner; otherwise not found.
     */
    private AssessmentItem itemOfUnit(String tenant, long itemId, long unitId) {
        AssessmentItem item = items.findByTenantIdAndId(tenant, itemId).orElseThrow(() -> ApiProblem.notFound("item", itemId));
        boolean plan = lists.findByTenantIdAndId(tenant, item.workListId()).map(WorkList::kind)
                .filter(k -> k == WorkListKind.PLAN).isPresent();
        boolean applies = plan
                ? planItems.findByTenantIdAndItemId(tenant, itemId).map(PlanItem::ownerUnitId)
                        .filter(owner -> owner == unitId).isPresent()
                : lists.findUnitIds(tenant, item.workListId()).contains(unitId);
        if (!applies) {
            throw ApiProblem.notFound("unit", unitId);
        }
        return item;
    }

    /** The item when the owner may report on it: a unit as {@link #itemOfUnit}, a department owning the plan item. */
    private AssessmentItem itemOf(String tenant, long itemId, Owner owner) {
        if (owner.isUnit()) {
            return itemOfUnit(tenant, itemId, owner.unitId());
        }
        AssessmentItem item = items.findByTenantIdAndId(tenant, itemId)
                .orElseThrow(() -> ApiProblem.notFound("item", itemId));
        boolean owned = planItems.findByTenantIdAndItemId(tenant, itemId).map(PlanItem::ownerDepartmentId)
                .filter(owner.departmentId()::equals).isPresent();
        if (!owned) {
            throw ApiProblem.notFound("department", owner.departmentId());
        }
        return item;
    }

    /** Who reports on an item: a unit, or a department owning a plan item; exactly one. */
    record Owner(@Nullable Long unitId, @Nullable Long departmentId) {

        static Owner of(@Nullable Long unitId, @Nullable Long departmentId) {
            if (unitId == null && departmentId == null) {
                throw ApiProblem.badField("unitId", "field.required");
            }
            if (unitId != null && departmentId != null) {
                throw ApiProblem.badField("departmentId", "workflow.owner.one");
            }
            return new Owner(unitId, departmentId);
        }

        boolean isUnit() {
            return unitId != null;
        }

        /** As the audit log names it: "unit:3" or "department:7". */
        @Override
        public String toString() {
            return isUnit() ? "unit:" + unitId : "department:" + departmentId;
        }
    }

    private long supervisingDepartment(Actor actor, String tenant, AssessmentItem item) {
        UserAccount me = account(actor);
        Set<Long> supervising = Set.copyOf(items.findDepartmentIds(tenant, item.id()));
        if (!actor.has(Role.SUPERVISOR) || me.departmentId() == null || !supervising.contains(me.departmentId())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "workflow.review.own-department");
        }
        return me.departmentId();
    }

    private UserAccount account(Actor actor) {
        return users.findByTenantIdAndId(actor.bureau(), actor.userId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "problem.status.403.detail"));
    }

    private List<AssessmentItem> itemsOf(String tenant, int year, long unitId) {
        List<AssessmentItem> out = new ArrayList<>();
        for (WorkList list : lists.findForUnit(tenant, year, unitId)) {
            out.addAll(items.findByTenantIdAndWorkListIdOrderByPosition(tenant, list.id()));
        }
        for (Long planItem : planItems.findItemIdsOwnedByUnit(tenant, year, unitId)) {
            items.findByTenantIdAndId(tenant, planItem).ifPresent(out::add);
        }
        return out;
    }
}
