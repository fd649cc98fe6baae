package cn.jiaoyun.core.projects;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Annual plans of the transaction's bureau's key projects. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KeyProjectPlanRepository extends CrudRepository<KeyProjectPlan, Long> {

    Optional<KeyProjectPlan> findByTenantIdAndProjectIdAndYear(String tenantId, long projectId, int year);

    List<KeyProjectPlan> findByTenantIdAndProjectIdOrderByYear(String tenantId, long projectId);

    List<KeyProjectPlan> findByTenantIdAndYear(String tenantId, int year);
}
