package cn.jiaoyun.core.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Users of the transaction's bureau, with their role grants. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByTenantIdAndUsername(String tenantId, String username);

    Optional<UserAccount> findByTenantIdAndId(String tenantId, Long id);

    List<UserAccount> findByTenantIdOrderByUsername(String tenantId);

    @Query("select role from role_grant where tenant_id = :tenantId and user_id = :userId order by role")
    List<String> findRoles(String tenantId, Long userId);

    @Query("insert into role_grant (tenant_id, user_id, role) values (:tenantId, :userId, :role) on conflict do nothing")
    void grant(String tenantId, Long userId, String role);

    @Query("delete from role_grant where tenant_id = :tenantId and user_id = :userId")
    void revokeAll(String tenantId, Long userId);

    @Query("""
            select count(*) from app_user u join role_grant g on g.tenant_id = u.tenant_id and g.user_id = u.id
            where u.tenant_id = :tenantId and u.enabled and g.role = 'BUREAU_ADMIN' and u.id <> :exceptUserId""")
    long countOtherEnabledAdmins(String tenantId, Long exceptUserId);
}
