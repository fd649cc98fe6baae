package cn.jiaoyun.core.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.OffsetDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    @Query("""
            select * from audit_event
            where tenant_id = :tenantId and id < :beforeId
            order by id desc limit :limit""")
    List<AuditEvent> findPage(String tenantId, long beforeId, int limit);

    /**
     * The times of the most recent failed logins of an account since its last successful one,
     * newest first, within the window.
     */
    @Query("""
            select occurred_at from audit_event
            where tenant_id = :tenantId and actor = :actor and action = 'LOGIN_FAILED'
              and occurred_at > now() - make_interval(mins => :windowMinutes)
              and occurred_at > coalesce((select max(s.occurred_at) from audit_event s
                                          where s.tenant_id = :tenantId and s.actor = :actor
                                            and s.action = 'LOGIN_SUCCEEDED'), '-infinity')
            order by occurred_at desc limit :limit""")
    List<OffsetDateTime> recentFailures(String tenantId, String actor, int windowMinutes, int limit);
}
