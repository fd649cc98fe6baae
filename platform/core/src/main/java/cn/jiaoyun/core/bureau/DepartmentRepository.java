package cn.jiaoyun.core.bureau;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Departments of the transaction's bureau; see {@link UnitRepository} on filtering. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DepartmentRepository extends CrudRepository<Department, Long> {

    List<Department> findByTenantIdOrderBySortOrder(String tenantId);

    Optional<Department> findByTenantIdAndId(String tenantId, Long id);
}
