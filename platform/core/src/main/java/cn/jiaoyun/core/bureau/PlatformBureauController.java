package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.audit.PlatformAuditEvent;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;
import java.util.Map;

/** Platform administrators manage the registry of bureaus; they see no bureau's business data. */
@Controller("/api/platform")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PLATFORM_ADMIN")
public class PlatformBureauController {

    private final BureauService bureaus;
    private final BureauCreation creation;
    private final AuditLog audit;

    public PlatformBureauController(BureauService bureaus, BureauCreation creation, AuditLog audit) {
        this.bureaus = bureaus;
        this.creation = creation;
        this.audit = audit;
    }

    @Get("/bureaus")
    public List<Bureau> list() {
        return bureaus.all();
    }

    @Get("/bureaus/{code}")
    public Bureau get(@PathVariable String code) {
        return bureaus.registryEntry(code);
    }

    @Post("/bureaus")
    @Status(HttpStatus.CREATED)
    public Bureau create(Actor actor, @Body Map<String, Object> body, HttpRequest<?> http) {
        return creation.create(actor, body, ActorArgumentBinder.clientIp(http));
    }

    @Get("/audit")
    public List<PlatformAuditEvent> audit(@Nullable @QueryValue Long before, @QueryValue(defaultValue = "100") int limit) {
        return audit.platformPage(before, limit);
    }
}
