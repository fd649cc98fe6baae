package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Progress reports and their values, of the transaction's bureau. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProgressRepository extends CrudRepository<ProgressReport, Long> {

    /** A reported value of a target. */
    @Introspected
    record ValueRow(long targetId, BigDecimal actual, LocalDate period) {
    }

    Optional<ProgressReport> findByTenantIdAndItemIdAndUnitIdAndPeriod(String tenantId, long itemId, long unitId,
                                                                        LocalDate period);

    List<ProgressReport> findByTenantIdAndItemIdAndUnitIdOrderByPeriodDesc(String tenantId, long itemId, long unitId);

    Optional<ProgressReport> findByTenantIdAndItemIdAndDepartmentIdAndPeriod(String tenantId, long itemId,
                                                                              long departmentId, LocalDate period);

    List<ProgressReport> findByTenantIdAndItemIdAndDepartmentIdOrderByPeriodDesc(String tenantId, long itemId,
                                                                                  long departmentId);

    @Query("""
            insert into progress_value (tenant_id, report_id, target_id, actual) values (:tenantId, :reportId, :targetId, :actual)
            on conflict (tenant_id, report_id, target_id) do update set actual = excluded.actual""")
    void putValue(String tenantId, long reportId, long targetId, BigDecimal actual);

    /** Every value reported for the unit's item, newest month first. */
    @Query("""
            select v.target_id, v.actual, r.period from progress_value v
            join progress_report r on r.tenant_id = v.tenant_id and r.id = v.report_id
            where v.tenant_id = :tenantId and r.item_id = :itemId and r.unit_id = :unitId
            order by r.period desc""")
    List<ValueRow> values(String tenantId, long itemId, long unitId);

    /** The months in which a unit reported on an item. */
    @Query("select period from progress_report where tenant_id = :tenantId and item_id = :itemId and unit_id = :unitId")
    List<LocalDate> periods(String tenantId, long itemId, long unitId);

    /** Every value a department reported for a plan item it owns, newest month first. */
    @Query("""
            select v.target_id, v.actual, r.period from progress_value v
            join progress_report r on r.tenant_id = v.tenant_id and r.id = v.report_id
            where v.tenant_id = :tenantId and r.item_id = :itemId and r.department_id = :departmentId
            order by r.period desc""")
    List<ValueRow> departmentValues(String tenantId, long itemId, long departmentId);

    /** The months in which a department reported on a plan item it owns. */
    @Query("""
            select period from progress_report
            where tenant_id = :tenantId and item_id = :itemId and department_id = :departmentId""")
    List<LocalDate> departmentPeriods(String tenantId, long itemId, long departmentId);
}
