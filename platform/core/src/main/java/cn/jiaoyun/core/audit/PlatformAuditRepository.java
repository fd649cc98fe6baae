package cn.jiaoyun.core.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.OffsetDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlatformAuditRepository extends GenericRepository<PlatformAuditEvent, Long> {

    PlatformAuditEvent save(PlatformAuditEvent event);

    @Query("select * from platform_audit_event where id < :beforeId order by id desc limit :limit")
    List<PlatformAuditEvent> findPage(long beforeId, int limit);

    /** See {@link AuditRepository#recentFailures}. */
    @Query("""
            select occurred_at from platform_audit_event
            where actor = :actor and action = 'LOGIN_FAILED'
              and occurred_at > now() - make_interval(mins => :windowMinutes)
              and occurred_at > coalesce((select max(s.occurred_at) from platform_audit_event s
                                          where s.actor = :actor and s.action = 'LOGIN_SUCCEEDED'), '-infinity')
            order by occurred_at desc limit :limit""")
    List<OffsetDateTime> recentFailures(String actor, int windowMinutes, int limit);
}
