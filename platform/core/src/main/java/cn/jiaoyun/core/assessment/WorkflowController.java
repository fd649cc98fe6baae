package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.WorkflowViews.DeductionEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ItemProgress;
import cn.jiaoyun.core.assessment.WorkflowViews.OverdueItem;
import cn.jiaoyun.core.assessment.WorkflowViews.ProgressEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ReviewEntry;
import cn.jiaoyun.core.assessment.WorkflowViews.ScorecardRow;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Monthly progress, reviews, deductions, scorecards and the overdue list. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class WorkflowController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AssessmentWorkflow workflow;
    private final BureauService bureaus;

    public WorkflowController(AssessmentWorkflow workflow, BureauService bureaus) {
        this.workflow = workflow;
        this.bureaus = bureaus;
    }

    /** A unit's report ({@code unitId}), or a department's on a plan item it owns ({@code departmentId}). */
    @Post("/items/{id}/progress")
    @Secured({"REPORTER", "SUPERVISOR", "BUREAU_ADMIN"})
    public ItemProgress report(Actor actor, @PathVariable long id, @Body ProgressEntry entry, HttpRequest<?> request) {
        return workflow.report(actor, id, entry, ActorArgumentBinder.clientIp(request));
    }

    @Get("/items/{id}/progress")
    public ItemProgress progress(Actor actor, @PathVariable long id, @Nullable @QueryValue Long unitId,
                                 @Nullable @QueryValue Long departmentId) {
        if (unitId != null && departmentId != null) {
            throw ApiProblem.badField("departmentId", "workflow.owner.one");
        }
        if (unitId == null && departmentId == null) {
            throw ApiProblem.badField("unitId", "field.required");
        }
        return unitId != null ? workflow.progress(actor.bureau(), id, unitId, LocalDate.now(CHINA))
                : workflow.departmentProgress(actor.bureau(), id, departmentId, LocalDate.now(CHINA));
    }

    @Put("/items/{id}/review")
    @Secured("SUPERVISOR")
    public ItemProgress review(Actor actor, @PathVariable long id, @Body ReviewEntry entry, HttpRequest<?> request) {
        return workflow.review(actor, id, entry, ActorArgumentBinder.clientIp(request));
    }

    @Post("/items/{id}/deductions")
    @Secured("SUPERVISOR")
    public ItemProgress deduct(Actor actor, @PathVariable long id, @Body DeductionEntry entry, HttpRequest<?> request) {
        return workflow.deduct(actor, id, entry, ActorArgumentBinder.clientIp(request));
    }

    @Get("/scorecards")
    public List<ScorecardRow> scorecards(Actor actor, @Nullable @QueryValue Integer year) {
        return workflow.scorecards(actor.bureau(), yearOr(year));
    }

    @Get(value = "/scorecards.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public HttpResponse<byte[]> scorecardWorkbook(Actor actor, @Nullable @QueryValue Integer year) {
        int y = yearOr(year);
        String bureau = bureaus.profile(actor.bureau()).bureau().name();
        byte[] xlsx = workflow.scorecardWorkbook(actor.bureau(), y);
        String fileName = URLEncoder.encode(bureau + y + "年考核得分.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(xlsx)
                .contentType(MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", "attachment; filename=\"scorecards-" + y + ".xlsx\"; filename*=UTF-8''" + fileName);
    }

    /** The items the caller's department supervises and has not scored yet (supervisors). */
    @Get("/reviews/pending")
    @Secured("SUPERVISOR")
    public List<WorkflowViews.PendingReview> pendingReviews(Actor actor, @Nullable @QueryValue Integer year) {
        return workflow.pendingReviews(actor, yearOr(year));
    }

    @Get("/overdue")
    public List<OverdueItem> overdue(Actor actor, @Nullable @QueryValue Integer year) {
        return workflow.overdue(actor.bureau(), yearOr(year), LocalDate.now(CHINA));
    }

    private static int yearOr(Integer year) {
        return year != null ? year : LocalDate.now(CHINA).getYear();
    }
}
