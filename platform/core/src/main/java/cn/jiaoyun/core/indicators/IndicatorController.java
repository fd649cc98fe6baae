package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The indicator catalog, and targets fed by an indicator. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class IndicatorController {

    /** Which indicator feeds a target. */
    @Serdeable
    public record Link(String code) {
    }

    private final IndicatorCatalog catalog;
    private final TargetIndicators links;

    public IndicatorController(IndicatorCatalog catalog, TargetIndicators links) {
        this.catalog = catalog;
        this.links = links;
    }

    /** The platform's catalog, and for a bureau's account the bureau's own indicators after it ({@code own: true}). */
    @Get("/indicators")
    public List<Indicator> catalog(Actor actor) {
        return catalog.all(actor.tenantId());
    }

    @Put("/targets/{id}/indicator")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<Link> link(Actor actor, @PathVariable long id, @Body Link link, HttpRequest<?> request) {
        links.link(actor, id, link.code(), ActorArgumentBinder.clientIp(request));
        return HttpResponse.ok(link);
    }

    @Delete("/targets/{id}/indicator")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<Void> unlink(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        links.unlink(actor, id, ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }
}
