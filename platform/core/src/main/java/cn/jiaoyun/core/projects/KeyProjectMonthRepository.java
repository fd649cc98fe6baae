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

    /**
     * Waits for, then holds until the transaction ends, the bureau's lock on one month of its key
     * projects: writes to the same month (of any project) follow one another, so that the month's
     * total fed to the indicator counts every project and two first reports of one project-month
     * do not collide.
     */
    @Query("select count(*) from (select pg_advisory_xact_lock(hashtext(:lockKey))) l")
    long lock(String lockKey);

    default void lockMonth(String tenantId, java.time.YearMonth month) {
        lock("key_project_month:" + tenantId + ":" + month);
    }
}
