package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where an item of a plan stands: its enclosing section ({@code parentItemId}, null at the top),
 * its numbering as written, its depth, and its owner, a unit or a department of the bureau.
 */
@Serdeable
@MappedEntity("plan_item")
public record PlanItem(
        @Id Long itemId,
        String tenantId,
        @Nullable Long parentItemId,
        String numbering,
        int depth,
        @Nullable Long ownerUnitId,
        @Nullable Long ownerDepartmentId) {

    PlanItem withOwner(@Nullable Long unitId, @Nullable Long departmentId) {
        return new PlanItem(itemId, tenantId, parentItemId, numbering, depth, unitId, departmentId);
    }
}
