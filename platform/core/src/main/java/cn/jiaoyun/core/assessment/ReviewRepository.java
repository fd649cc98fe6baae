package cn.jiaoyun.core.assessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReviewRepository extends CrudRepository<Review, Long> {

    Optional<Review> findByTenantIdAndItemIdAndUnitIdAndDepartmentId(String tenantId, long itemId, long unitId,
                                                                     long departmentId);

    List<Review> findByTenantIdAndUnitId(String tenantId, long unitId);

    List<Review> findByTenantIdAndItemIdAndUnitId(String tenantId, long itemId, long unitId);
}
