package cn.jiaoyun.core.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Items of the transaction's bureau and their supervising departments. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AssessmentItemRepository extends CrudRepository<AssessmentItem, Long> {

    List<AssessmentItem> findByTenantIdAndWorkListIdOrderByPosition(String tenantId, long workListId);

    Optional<AssessmentItem> findByTenantIdAndId(String tenantId, Long id);

    @Query("select department_id from item_department where tenant_id = :tenantId and item_id = :itemId order by department_id")
    List<Long> findDepartmentIds(String tenantId, long itemId);

    @Query("insert into item_department (tenant_id, item_id, department_id) values (:tenantId, :itemId, :departmentId) on conflict do nothing")
    void addDepartment(String tenantId, long itemId, long departmentId);

    @Query("delete from item_department where tenant_id = :tenantId and item_id = :itemId")
    void clearDepartments(String tenantId, long itemId);

    /** Whether anything was reported, reviewed or deducted on the item: then it must not vanish. */
    @Query("""
            select exists (select 1 from progress_report where tenant_id = :tenantId and item_id = :itemId)
                or exists (select 1 from review where tenant_id = :tenantId and item_id = :itemId)
                or exists (select 1 from deduction where tenant_id = :tenantId and item_id = :itemId)""")
    boolean hasActivity(String tenantId, long itemId);

    @Query("select count(*) from progress_report where tenant_id = :tenantId and item_id = :itemId")
    long countReports(String tenantId, long itemId);

    @Query("select count(*) from review where tenant_id = :tenantId and item_id = :itemId")
    long countReviews(String tenantId, long itemId);

    @Query("select count(*) from deduction where tenant_id = :tenantId and item_id = :itemId")
    long countDeductions(String tenantId, long itemId);

    @Query("select coalesce(max(position), 0) from assessment_item where tenant_id = :tenantId and work_list_id = :workListId")
    int lastPosition(String tenantId, long workListId);

    @Query("update assessment_item set position = :position where tenant_id = :tenantId and id = :id")
    void move(String tenantId, long id, int position);
}
