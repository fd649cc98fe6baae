package cn.jiaoyun.core.bureau;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/**
 * Units of the transaction's bureau. Every finder names the bureau; row-level security stands
 * behind it for the finders that do not (such as {@code findAll}).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UnitRepository extends CrudRepository<Unit, Long> {

    List<Unit> findByTenantIdOrderBySortOrder(String tenantId);

    Optional<Unit> findByTenantIdAndId(String tenantId, Long id);
}
