package cn.jiaoyun.core.projects;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Milestones of the transaction's bureau's key projects. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KeyProjectMilestoneRepository extends CrudRepository<KeyProjectMilestone, Long> {

    Optional<KeyProjectMilestone> findByTenantIdAndProjectIdAndKind(String tenantId, long projectId, MilestoneKind kind);

    List<KeyProjectMilestone> findByTenantIdAndProjectId(String tenantId, long projectId);

    List<KeyProjectMilestone> findByTenantId(String tenantId);
}
