package cn.jiaoyun.core.audit;

import cn.jiaoyun.core.web.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/** The bureau's audit log, for its administrator: newest first, paged by {@code before}. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("BUREAU_ADMIN")
public class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    public List<AuditEvent> page(Actor actor, @Nullable @QueryValue Long before,
                                 @QueryValue(defaultValue = "100") int limit) {
        return audit.page(actor.bureau(), before, limit);
    }
}
