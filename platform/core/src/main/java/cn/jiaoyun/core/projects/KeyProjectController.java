package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.projects.KeyProjectViews.IssueInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MilestoneInput;
import cn.jiaoyun.core.projects.KeyProjectViews.MonthInput;
import cn.jiaoyun.core.projects.KeyProjectViews.PlanInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectDetail;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectInput;
import cn.jiaoyun.core.projects.KeyProjectViews.ProjectRow;
import cn.jiaoyun.core.projects.KeyProjectViews.Summary;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.time.LocalDate;
import java.util.List;

/**
 * Key projects: the year's list and roll-up for every bureau role; administrators and supervisors
 * keep projects, plans, milestones and issues; reporters enter monthly figures.
 */
@Controller("/api/key-projects")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class KeyProjectController {

    private final KeyProjects keyProjects;

    public KeyProjectController(KeyProjects keyProjects) {
        this.keyProjects = keyProjects;
    }

    @Get
    public List<ProjectRow> list(Actor actor, @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer through) {
        int y = yearOr(year);
        return keyProjects.list(actor.bureau(), y, through == null ? KeyProjects.defaultThrough(y) : through);
    }

    @Get("/summary")
    public Summary summary(Actor actor, @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer through,
                           HttpRequest<?> request) {
        int y = yearOr(year);
        return keyProjects.summary(actor.bureau(), y, through == null ? KeyProjects.defaultThrough(y) : through,
                Messages.localeOf(request));
    }

    @Post
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<KeyProject> create(Actor actor, @Body ProjectInput input, HttpRequest<?> request) {
        return HttpResponse.created(keyProjects.create(actor, input, ActorArgumentBinder.clientIp(request)));
    }

    @Get("/{id}")
    public ProjectDetail detail(Actor actor, @PathVariable long id, @Nullable @QueryValue Integer year) {
        return keyProjects.detail(actor.bureau(), id, yearOr(year));
    }

    @Put("/{id}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public KeyProject update(Actor actor, @PathVariable long id, @Body ProjectInput input, HttpRequest<?> request) {
        return keyProjects.update(actor, id, input, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/{id}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<Void> delete(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        keyProjects.delete(actor, id, ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }

    @Put("/{id}/plans/{year}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public ProjectDetail plan(Actor actor, @PathVariable long id, @PathVariable int year, @Body PlanInput input,
                              HttpRequest<?> request) {
        return keyProjects.putPlan(actor, id, year, input, ActorArgumentBinder.clientIp(request));
    }

    @Put("/{id}/months/{month}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR", "REPORTER"})
    public ProjectDetail month(Actor actor, @PathVariable long id, @PathVariable String month, @Body MonthInput input,
                               HttpRequest<?> request) {
        return keyProjects.putMonth(actor, id, month, input, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/{id}/months/{month}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR", "REPORTER"})
    public ProjectDetail clearMonth(Actor actor, @PathVariable long id, @PathVariable String month,
                                    HttpRequest<?> request) {
        return keyProjects.clearMonth(actor, id, month, ActorArgumentBinder.clientIp(request));
    }

    @Put("/{id}/milestones")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public ProjectDetail milestones(Actor actor, @PathVariable long id, @Body List<MilestoneInput> input,
                                    HttpRequest<?> request) {
        return keyProjects.putMilestones(actor, id, input, ActorArgumentBinder.clientIp(request));
    }

    @Post("/{id}/issues")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<ProjectDetail> addIssue(Actor actor, @PathVariable long id, @Body IssueInput input,
                                                HttpRequest<?> request) {
        return HttpResponse.created(keyProjects.addIssue(actor, id, input, ActorArgumentBinder.clientIp(request)));
    }

    @Put("/{id}/issues/{issueId}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public ProjectDetail updateIssue(Actor actor, @PathVariable long id, @PathVariable long issueId,
                                     @Body IssueInput input, HttpRequest<?> request) {
        return keyProjects.updateIssue(actor, id, issueId, input, ActorArgumentBinder.clientIp(request));
    }

    private static int yearOr(Integer year) {
        return year != null ? year : LocalDate.now(KeyProjects.CHINA).getYear();
    }
}
