package cn.jiaoyun.core.bureau;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Which modules the transaction's bureau has switched on. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BureauModuleRepository extends GenericRepository<Bureau, String> {

    @Query("select module_id from tenant_module where tenant_id = :tenantId order by module_id")
    List<String> findModuleIds(String tenantId);

    @Query("insert into tenant_module (tenant_id, module_id) values (:tenantId, :moduleId) on conflict do nothing")
    void enable(String tenantId, String moduleId);

    @Query("delete from tenant_module where tenant_id = :tenantId and module_id = :moduleId")
    void disable(String tenantId, String moduleId);
}
