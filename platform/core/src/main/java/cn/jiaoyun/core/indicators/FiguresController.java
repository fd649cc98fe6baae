package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A bureau's monthly figures: the year's sheet, entry, annual targets, .xlsx in and out, its rank. */
@Controller("/api/figures")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class FiguresController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Months entered together. */
    @Serdeable
    public record Entries(List<BureauFigures.Entry> entries) {
    }

    /** An annual target in {@code unit} (the indicator's own when null); null value removes it. */
    @Serdeable
    public record TargetEntry(@Nullable BigDecimal value, @Nullable String unit) {
    }

    private final BureauFigures figures;
    private final RegionalComparison regions;
    private final BureauService bureaus;

    public FiguresController(BureauFigures figures, RegionalComparison regions, BureauService bureaus) {
        this.figures = figures;
        this.regions = regions;
        this.bureaus = bureaus;
    }

    @Get("/{year}")
    public BureauFigures.Sheet sheet(Actor actor, @PathVariable int year, @Nullable @QueryValue Integer through) {
        return figures.sheet(actor.bureau(), year, through == null ? defaultThrough(year) : through);
    }

    @Put("/{year}/values")
    @Secured({"REPORTER", "SUPERVISOR", "BUREAU_ADMIN"})
    public BureauFigures.Sheet enter(Actor actor, @PathVariable int year, @Body Entries body, HttpRequest<?> request) {
        figures.enter(actor, year, body.entries() == null ? List.of() : body.entries(), "entry",
                ActorArgumentBinder.clientIp(request));
        return figures.sheet(actor.bureau(), year, defaultThrough(year));
    }

    @Put("/{year}/targets/{code}")
    @Secured({"SUPERVISOR", "BUREAU_ADMIN"})
    public HttpResponse<Void> target(Actor actor, @PathVariable int year, @PathVariable String code,
                                     @Body TargetEntry body, HttpRequest<?> request) {
        figures.target(actor, year, code, body.value(), body.unit(), ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }

    @Get(value = "/{year}.xlsx", produces = XLSX)
    public HttpResponse<byte[]> workbook(Actor actor, @PathVariable int year) {
        String name = bureaus.profile(actor.bureau()).bureau().name();
        return attachment(figures.workbook(actor.bureau(), name, year), "figures-" + year + ".xlsx",
                name + year + "年月度指标.xlsx", XLSX);
    }

    @Post(value = "/{year}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"SUPERVISOR", "BUREAU_ADMIN"})
    public BureauFigures.Imported importWorkbook(Actor actor, @PathVariable int year,
                                                 @Nullable @Part("file") CompletedFileUpload file,
                                                 HttpRequest<?> request) throws IOException {
        if (file == null) {
            throw ApiProblem.badField("file", "problem.plugin.file-missing");
        }
        return figures.importWorkbook(actor, year, file.getFilename(), file.getBytes(), ActorArgumentBinder.clientIp(request));
    }

    /** The bureau's rank among the county-level bureaus of its city, when the city lets it see it. */
    @Get("/{year}/standing")
    public RegionalComparison.Standing standing(Actor actor, @PathVariable int year, @QueryValue String indicator,
                                                @Nullable @QueryValue String period, @Nullable @QueryValue Integer month) {
        Bureau bureau = bureaus.profile(actor.bureau()).bureau();
        String region = bureau.parentRegionCode();
        if (region == null || !regions.bureausSeeRank(region)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "region.rank-hidden", region == null ? "—" : region);
        }
        return regions.standing(region, bureau.id(), indicator, period == null ? "ytd" : period, year,
                month == null ? defaultThrough(year) : month);
    }

    static int defaultThrough(int year) {
        LocalDate today = LocalDate.now(CHINA);
        return year < today.getYear() ? 12 : year > today.getYear() ? 1 : today.getMonthValue();
    }

    static HttpResponse<byte[]> attachment(byte[] bytes, String asciiName, String name, String type) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(bytes).contentType(MediaType.of(type))
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded);
    }
}
