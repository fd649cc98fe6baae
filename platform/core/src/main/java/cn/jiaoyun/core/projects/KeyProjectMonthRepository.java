package cn.jiaoyun.core.projects;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Monthly reports of the transaction's bureau's key projects. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KeyProjectMonthRepository extends CrudRepository<KeyProjectMonth, Long> {

    Optional<KeyProjectMonth> findByTenantIdAndProjectIdAndMonth(String tenantId, long projectId, LocalDate month);

    List<KeyProjectMonth> findByTenantIdAndProjectIdOrderByMonth(String tenantId, long projectId);

    List<KeyProjectMonth> findByTenantIdAndMonthBetweenOrderByMonth(String tenantId, LocalDate from, LocalDate to);

    long countByTenantIdAndMonth(String tenantId, LocalDate month);

    /** The month's investment over all the bureau's projects (0 when none reported). */
    @Query("select coalesce(sum(actual), 0) from key_project_month where tenant_id = :tenantId and month = :month")
    BigDecimal sumOfMonth(String tenantId, LocalDate month);

    /** The months in which the project reported. */
    @Query("select month from key_project_month where tenant_id = :tenantId and project_id = :projectId")
    List<LocalDate> monthsOf(String tenantId, long projectId);
}
