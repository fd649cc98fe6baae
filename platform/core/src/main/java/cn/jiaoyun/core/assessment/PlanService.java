package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.PlanViews.PlanDetail;
import cn.jiaoyun.core.assessment.PlanViews.PlanItemView;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plan lists: their items in their hierarchy, and what the administrator sets after the import,
 * the owner of an item (a unit or a department of the bureau) and its points (null: 不计分).
 */
@Singleton
public class PlanService {

    private final TenantTransactions tx;
    private final BureauService bureaus;
    private final WorkListRepository lists;
    private final AssessmentItemRepository items;
    private final PlanItemRepository planItems;
    private final TargetRepository targets;
    private final WorkListService worklists;
    private final AuditLog audit;

    public PlanService(TenantTransactions tx, BureauService bureaus, WorkListRepository lists,
                       AssessmentItemRepository items, PlanItemRepository planItems, TargetRepository targets,
                       WorkListService worklists, AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.lists = lists;
        this.items = items;
        this.planItems = planItems;
        this.targets = targets;
        this.worklists = worklists;
        this.audit = audit;
    }

    /** A plan list with its items in document order; not found for a list that is no plan. */
    public PlanDetail plan(String tenant, long listId) {
        WorkListSummary summary = worklists.list(tenant, listId).list();
        if (summary.kind() != WorkListKind.PLAN) {
            throw ApiProblem.notFound("plan", listId);
        }
        Map<Long, Unit> units = bureaus.units(tenant).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Map<Long, Department> departments = bureaus.departments(tenant).stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
        return tx.readInBureau(tenant, () -> {
            Map<Long, PlanItem> places = planItems.findByList(tenant, listId).stream()
                    .collect(Collectors.toMap(PlanItem::itemId, Function.identity()));
            List<PlanItemView> views = items.findByTenantIdAndWorkListIdOrderByPosition(tenant, listId).stream()
                    .map(i -> {
                        PlanItem place = places.get(i.id());
                        Long unit = place == null ? null : place.ownerUnitId();
                        Long department = place == null ? null : place.ownerDepartmentId();
                        String owner = unit != null ? units.get(unit).name()
                                : department != null ? departments.get(department).name() : null;
                        int count = (int) targets.findByTenantIdAndItemIdOrderById(tenant, i.id()).stream()
                                .filter(t -> !t.suppressed()).count();
                        return new PlanItemView(i.id(), i.position(), place == null ? null : place.parentItemId(),
                                place == null ? 1 : place.depth(), place == null ? "" : place.numbering(), i.title(),
                                i.points(), unit, department, owner, count);
                    })
                    .toList();
            return new PlanDetail(summary, views);
        });
    }

    /** The unit that owns a plan item, if the administrator named one (empty for other items too). */
    public Optional<Long> ownerUnit(String tenant, long itemId) {
        return tx.readInBureau(tenant, () -> planItems.findByTenantIdAndItemId(tenant, itemId)
                .map(PlanItem::ownerUnitId));
    }

    /**
     * The administrator names the item's owner: {@code unitId} or {@code departmentId} (one of
     * them; neither clears it). The owner unit reports the item's progress.
     */
    public PlanItemView setOwner(Actor admin, long itemId, Map<String, Object> body, @Nullable String clientIp) {
        String tenant = admin.bureau();
        Long unitId = id(body, "unitId");
        Long departmentId = id(body, "departmentId");
        if (unitId != null && departmentId != null) {
            throw ApiProblem.badField("departmentId", "plan.owner.one");
        }
        List<Unit> units = bureaus.units(tenant);
        List<Department> departments = bureaus.departments(tenant);
        Unit unit = unitId == null ? null : units.stream().filter(u -> u.id().equals(unitId) && u.active())
                .findFirst().orElseThrow(() -> ApiProblem.badField("unitId", "plan.owner.unit.unknown", unitId));
        Department department = departmentId == null ? null : departments.stream()
                .filter(d -> d.id().equals(departmentId) && d.active()).findFirst()
                .orElseThrow(() -> ApiProblem.badField("departmentId", "plan.owner.department.unknown", departmentId));
        long listId = tx.inBureau(tenant, () -> {
            PlanItem place = placeOf(tenant, itemId);
            PlanItem changed = place.withOwner(unitId, departmentId);
            if (!changed.equals(place)) {
                planItems.update(changed);
                audit.record(tenant, admin.auditName(), AuditAction.PLAN_ITEM_OWNER_SET, "item:" + itemId,
                        "before=" + ownerName(place, units, departments) + ", after="
                                + (unit != null ? unit.name() : department != null ? department.name() : "—"),
                        clientIp);
            }
            return items.findByTenantIdAndId(tenant, itemId).orElseThrow().workListId();
        });
        return itemView(tenant, listId, itemId);
    }

    /** The administrator gives a plan item points, or takes them away ({@code null}: 不计分). */
    public PlanItemView setPoints(Actor admin, long itemId, Map<String, Object> body, @Nullable String clientIp) {
        String tenant = admin.bureau();
        if (!body.containsKey("points")) {
            throw ApiProblem.badField("points", "field.required");
        }
        // the same rule for points as every list's items: negative, non-numeric, >2 decimals, too large
        List<FieldError> errors = new ArrayList<>();
        BigDecimal points = WorkListEditing.points(body.get("points"), "points", errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        long listId = tx.inBureau(tenant, () -> {
            placeOf(tenant, itemId);
            AssessmentItem item = items.findByTenantIdAndId(tenant, itemId).orElseThrow();
            boolean same = item.points() == null ? points == null
                    : points != null && item.points().compareTo(points) == 0;
            if (!same) {
                items.update(new AssessmentItem(item.id(), tenant, item.workListId(), item.position(), item.title(),
                        item.content(), points));
                audit.record(tenant, admin.auditName(), AuditAction.PLAN_ITEM_POINTS_SET, "item:" + itemId,
                        "before=" + plain(item.points()) + ", after=" + plain(points), clientIp);
            }
            return item.workListId();
        });
        return itemView(tenant, listId, itemId);
    }

    private PlanItemView itemView(String tenant, long listId, long itemId) {
        return plan(tenant, listId).items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
    }

    /** The plan place of an item of the bureau; not found for another bureau's item or a list's item. */
    private PlanItem placeOf(String tenant, long itemId) {
        AssessmentItem item = items.findByTenantIdAndId(tenant, itemId)
                .orElseThrow(() -> ApiProblem.notFound("item", itemId));
        WorkList list = lists.findByTenantIdAndId(tenant, item.workListId()).orElseThrow();
        if (list.kind() != WorkListKind.PLAN) {
            throw ApiProblem.badField("item", "plan.item.not-plan");
        }
        return planItems.findByTenantIdAndItemId(tenant, itemId)
                .orElseGet(() -> planItems.save(new PlanItem(itemId, tenant, null, "", 1, null, null)));
    }

    private static String ownerName(PlanItem place, List<Unit> units, List<Department> departments) {
        if (place.ownerUnitId() != null) {
            return units.stream().filter(u -> u.id().equals(place.ownerUnitId())).map(Unit::name).findFirst()
                    .orElse("?");
        }
        if (place.ownerDepartmentId() != null) {
            return departments.stream().filter(d -> d.id().equals(place.ownerDepartmentId())).map(Department::name)
                    .findFirst().orElse("?");
        }
        return "—";
    }

    private static Long id(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            return value instanceof Number n ? n.longValue() : Long.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badField(field, "plan.owner.id.invalid", value);
        }
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "不计分" : value.stripTrailingZeros().toPlainString();
    }
}
