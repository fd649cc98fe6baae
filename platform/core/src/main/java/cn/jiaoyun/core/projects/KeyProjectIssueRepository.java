package cn.jiaoyun.core.projects;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Land and resettlement issues of the transaction's bureau's key projects. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KeyProjectIssueRepository extends CrudRepository<KeyProjectIssue, Long> {

    Optional<KeyProjectIssue> findByTenantIdAndId(String tenantId, long id);

    List<KeyProjectIssue> findByTenantIdAndProjectIdOrderByFoundOn(String tenantId, long projectId);

    List<KeyProjectIssue> findByTenantId(String tenantId);
}
