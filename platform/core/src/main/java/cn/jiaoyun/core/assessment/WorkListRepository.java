package cn.jiaoyun.core.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Work lists of the transaction's bureau and the units they apply to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WorkListRepository extends CrudRepository<WorkList, Long> {

    List<WorkList> findByTenantIdAndYearOrderById(String tenantId, int year);

    Optional<WorkList> findByTenantIdAndId(String tenantId, Long id);

    @Query("select max(year) from work_list where tenant_id = :tenantId")
    Optional<Integer> latestYear(String tenantId);

    /** The key list of a unit for a year (a unit has at most one). */
    @Query("""
            select w.* from work_list w join work_list_unit u on u.tenant_id = w.tenant_id and u.work_list_id = w.id
            where w.tenant_id = :tenantId and w.year = :year and w.kind = 'KEY' and u.unit_id = :unitId""")
    Optional<WorkList> findKeyList(String tenantId, int year, long unitId);

    /** The routine list of a year with this title. */
    @Query("""
            select * from work_list
            where tenant_id = :tenantId and year = :year and kind = 'ROUTINE' and title = :title""")
    Optional<WorkList> findRoutineList(String tenantId, int year, String title);

    @Query("select unit_id from work_list_unit where tenant_id = :tenantId and work_list_id = :workListId order by unit_id")
    List<Long> findUnitIds(String tenantId, long workListId);

    @Query("insert into work_list_unit (tenant_id, work_list_id, unit_id) values (:tenantId, :workListId, :unitId) on conflict do nothing")
    void addUnit(String tenantId, long workListId, long unitId);

    /** Every list that applies to the unit in the year: its key list and the routine lists. */
    @Query("""
            select w.* from work_list w join work_list_unit u on u.tenant_id = w.tenant_id and u.work_list_id = w.id
            where w.tenant_id = :tenantId and w.year = :year and u.unit_id = :unitId order by w.kind, w.id""")
    List<WorkList> findForUnit(String tenantId, int year, long unitId);

    /** Whether anything was reported, reviewed or deducted on any item of the list. */
    @Query("""
            select exists (select 1 from progress_report r join assessment_item i on i.tenant_id = r.tenant_id
                               and i.id = r.item_id where i.tenant_id = :tenantId and i.work_list_id = :workListId)
                or exists (select 1 from review r join assessment_item i on i.tenant_id = r.tenant_id
                               and i.id = r.item_id where i.tenant_id = :tenantId and i.work_list_id = :workListId)
                or exists (select 1 from deduction d join assessment_item i on i.tenant_id = d.tenant_id
                               and i.id = d.item_id where i.tenant_id = :tenantId and i.work_list_id = :workListId)""")
    boolean hasActivity(String tenantId, long workListId);

    /** The list, locked until the transaction ends: its items' total and order change one writer at a time. */
    @Query("select * from work_list where tenant_id = :tenantId and id = :id for update")
    Optional<WorkList> lock(String tenantId, long id);
}
