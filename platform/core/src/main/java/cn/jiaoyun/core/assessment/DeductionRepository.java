package cn.jiaoyun.core.assessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeductionRepository extends CrudRepository<Deduction, Long> {

    List<Deduction> findByTenantIdAndUnitId(String tenantId, long unitId);

    List<Deduction> findByTenantIdAndItemIdAndUnitIdOrderById(String tenantId, long itemId, long unitId);
}
