package cn.jiaoyun.core.projects;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Key projects of the transaction's bureau. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KeyProjectRepository extends CrudRepository<KeyProject, Long> {

    Optional<KeyProject> findByTenantIdAndId(String tenantId, long id);

    Optional<KeyProject> findByTenantIdAndCode(String tenantId, String code);

    List<KeyProject> findByTenantIdOrderByCode(String tenantId);
}
