package cn.jiaoyun.core.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** The plan positions and owners of the transaction's bureau's plan items. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanItemRepository extends CrudRepository<PlanItem, Long> {

    Optional<PlanItem> findByTenantIdAndItemId(String tenantId, Long itemId);

    @Query("""
            select p.* from plan_item p join assessment_item i on i.tenant_id = p.tenant_id and i.id = p.item_id
            where p.tenant_id = :tenantId and i.work_list_id = :workListId order by i.position""")
    List<PlanItem> findByList(String tenantId, long workListId);

    /** The plan list of a year with this title. */
    @Query("select id from work_list where tenant_id = :tenantId and year = :year and kind = 'PLAN' and title = :title")
    Optional<Long> findPlanListId(String tenantId, int year, String title);

    /** The items of the year's plans that the unit owns, in their plans' order. */
    @Query("""
            select i.id from assessment_item i
            join plan_item p on p.tenant_id = i.tenant_id and p.item_id = i.id
            join work_list w on w.tenant_id = i.tenant_id and w.id = i.work_list_id
            where i.tenant_id = :tenantId and w.year = :year and w.kind = 'PLAN' and p.owner_unit_id = :unitId
            order by w.id, i.position""")
    List<Long> findItemIdsOwnedByUnit(String tenantId, int year, long unitId);

    /** The items of the year's plans that the department owns, in their plans' order. */
    @Query("""
            select i.id from assessment_item i
            join plan_item p on p.tenant_id = i.tenant_id and p.item_id = i.id
            join work_list w on w.tenant_id = i.tenant_id and w.id = i.work_list_id
            where i.tenant_id = :tenantId and w.year = :year and w.kind = 'PLAN'
              and p.owner_department_id = :departmentId
            order by w.id, i.position""")
    List<Long> findItemIdsOwnedByDepartment(String tenantId, int year, long departmentId);
}
