package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Regional comparison for regional analysts, each held to the region of their account and the
 * divisions inside it (330000 sees 330600 and 330681; 330600 does not see 330000). Read only.
 */
@Controller("/api/regions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("REGIONAL_ANALYST")
public class RegionController {

    /** What a region lets its bureaus see. */
    @Serdeable
    public record Settings(boolean bureausSeeRank) {
    }

    private final RegionalComparison comparison;
    private final AuditLog audit;

    public RegionController(RegionalComparison comparison, AuditLog audit) {
        this.comparison = comparison;
        this.audit = audit;
    }

    @Get("/{region}/indicators")
    public List<Indicator> indicators(Actor actor, @PathVariable String region) {
        within(actor, region);
        return comparison.comparable();
    }

    /** The region and the regions inside it with county-level bureaus (a province's cities). */
    @Get("/{region}/areas")
    public List<RegionalComparison.Area> areas(Actor actor, @PathVariable String region) {
        within(actor, region);
        return comparison.areas(region);
    }

    @Get("/{region}/ranking")
    public RegionalComparison.Ranking ranking(Actor actor, @PathVariable String region, @QueryValue String indicator,
                                              @Nullable @QueryValue String period, @QueryValue int year,
                                              @Nullable @QueryValue Integer month) {
        within(actor, region);
        return comparison.rank(region, indicator, period == null ? "ytd" : period, year, month == null ? 12 : month);
    }

    @Get(value = "/{region}/ranking.xlsx", produces = FiguresController.XLSX)
    public HttpResponse<byte[]> rankingWorkbook(Actor actor, @PathVariable String region, @QueryValue String indicator,
                                                @Nullable @QueryValue String period, @QueryValue int year,
                                                @Nullable @QueryValue Integer month) {
        RegionalComparison.Ranking r = ranking(actor, region, indicator, period, year, month);
        return FiguresController.attachment(RankingExport.xlsx(r), "ranking-" + region + ".xlsx",
                RankingExport.fileName(r) + ".xlsx", FiguresController.XLSX);
    }

    @Get(value = "/{region}/ranking.csv", produces = "text/csv;charset=UTF-8")
    public HttpResponse<byte[]> rankingCsv(Actor actor, @PathVariable String region, @QueryValue String indicator,
                                           @Nullable @QueryValue String period, @QueryValue int year,
                                           @Nullable @QueryValue Integer month) {
        RegionalComparison.Ranking r = ranking(actor, region, indicator, period, year, month);
        return FiguresController.attachment(RankingExport.csv(r), "ranking-" + region + ".csv",
                RankingExport.fileName(r) + ".csv", "text/csv;charset=UTF-8");
    }

    /** Whether the region's bureaus see their own rank: the platform's administrators decide. */
    @Put("/{region}/settings")
    @Secured("PLATFORM_ADMIN")
    public Settings settings(Actor actor, @PathVariable String region, @Body Settings settings, HttpRequest<?> request) {
        comparison.setBureausSeeRank(region, settings.bureausSeeRank(), actor.auditName());
        audit.recordPlatform(actor.auditName(), AuditAction.REGION_SETTINGS_CHANGED, "region:" + region,
                "bureausSeeRank=" + settings.bureausSeeRank(), ActorArgumentBinder.clientIp(request));
        return settings;
    }

    private static void within(Actor actor, String region) {
        String own = actor.regionCode();
        if (own == null || region == null || !region.matches("[0-9]{6}") || !region.startsWith(prefix(own))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "region.outside", region, own == null ? "—" : own);
        }
    }

    /** The leading digits of the divisions inside a region (as app_region_prefix in SQL). */
    static String prefix(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        return region.endsWith("00") ? region.substring(0, 4) : region;
    }
}
