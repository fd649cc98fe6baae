package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.net.URI;

/** A bureau administrator's own indicators: add, edit, remove ({@code GET /api/indicators} lists them). */
@Controller("/api/indicators")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("BUREAU_ADMIN")
public class BureauIndicatorController {

    private final BureauIndicators indicators;

    public BureauIndicatorController(BureauIndicators indicators) {
        this.indicators = indicators;
    }

    @Post
    public HttpResponse<Indicator> create(Actor actor, @Body BureauIndicators.Draft draft, HttpRequest<?> request) {
        Indicator created = indicators.create(actor, draft, ActorArgumentBinder.clientIp(request));
        return HttpResponse.created(created, URI.create("/api/indicators/" + created.code()));
    }

    @Put("/{code}")
    public Indicator update(Actor actor, @PathVariable String code, @Body BureauIndicators.Draft draft,
                            HttpRequest<?> request) {
        return indicators.update(actor, code, draft, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/{code}")
    public HttpResponse<Void> delete(Actor actor, @PathVariable String code, HttpRequest<?> request) {
        indicators.delete(actor, code, ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }
}
