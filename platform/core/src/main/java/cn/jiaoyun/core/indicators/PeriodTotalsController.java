package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A bureau's quarter, half-year and year totals ({@link PeriodTotals}): read and entered. */
@Controller("/api/figures")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class PeriodTotalsController {

    /** Totals entered together. */
    @Serdeable
    public record Entries(@Nullable List<BureauPeriodTotals.Entry> entries) {
    }

    private final BureauPeriodTotals totals;
    private final BureauFigures figures;

    public PeriodTotalsController(BureauPeriodTotals totals, BureauFigures figures) {
        this.totals = totals;
        this.figures = figures;
    }

    @Get("/{year}/periods")
    public List<PeriodTotals.Total> totals(Actor actor, @PathVariable int year) {
        return totals.of(actor.bureau(), year);
    }

    /** All or nothing; answers the year's sheet as it now stands. */
    @Put("/{year}/periods")
    @Secured({"REPORTER", "SUPERVISOR", "BUREAU_ADMIN"})
    public BureauFigures.Sheet enter(Actor actor, @PathVariable int year, @Body Entries body, HttpRequest<?> request) {
        totals.enter(actor, year, body.entries() == null ? List.of() : body.entries(),
                ActorArgumentBinder.clientIp(request));
        return figures.sheet(actor.bureau(), year, FiguresController.defaultThrough(year));
    }
}
