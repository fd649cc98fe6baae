package cn.jiaoyun.core.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TargetRepository extends CrudRepository<Target, Long> {

    List<Target> findByTenantIdAndItemIdOrderById(String tenantId, long itemId);

    Optional<Target> findByTenantIdAndId(String tenantId, Long id);

    @Query("select exists (select 1 from progress_value where tenant_id = :tenantId and target_id = :targetId)")
    boolean hasProgress(String tenantId, long targetId);
}
