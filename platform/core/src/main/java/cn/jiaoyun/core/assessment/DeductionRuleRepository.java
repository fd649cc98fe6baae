package cn.jiaoyun.core.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeductionRuleRepository extends CrudRepository<DeductionRule, Long> {

    List<DeductionRule> findByTenantIdAndItemIdOrderById(String tenantId, long itemId);

    @Query("select exists (select 1 from deduction where tenant_id = :tenantId and rule_id = :ruleId)")
    boolean isUsed(String tenantId, long ruleId);

    Optional<DeductionRule> findByTenantIdAndId(String tenantId, Long id);
}
