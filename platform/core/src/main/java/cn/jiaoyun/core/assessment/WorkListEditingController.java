package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.WorkListChanges.CopiedYear;
import cn.jiaoyun.core.assessment.WorkListChanges.ItemChange;
import cn.jiaoyun.core.assessment.WorkListChanges.ItemOrder;
import cn.jiaoyun.core.assessment.WorkListChanges.ListChange;
import cn.jiaoyun.core.assessment.WorkListChanges.NewList;
import cn.jiaoyun.core.assessment.WorkListChanges.RuleChange;
import cn.jiaoyun.core.assessment.WorkListChanges.YearCopy;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * Work lists built by hand: lists and items are the bureau administrator's; deduction rules, like
 * targets, may also be corrected by supervisors.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("BUREAU_ADMIN")
public class WorkListEditingController {

    private final WorkListEditing editing;

    public WorkListEditingController(WorkListEditing editing) {
        this.editing = editing;
    }

    @Post("/worklists")
    @Status(HttpStatus.CREATED)
    public WorkListSummary createList(Actor actor, @Body NewList body, HttpRequest<?> request) {
        return editing.createList(actor, body, ActorArgumentBinder.clientIp(request));
    }

    @Put("/worklists/{id}")
    public WorkListSummary changeList(Actor actor, @PathVariable long id, @Body ListChange body, HttpRequest<?> request) {
        return editing.changeList(actor, id, body, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/worklists/{id}")
    public HttpResponse<Void> deleteList(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        editing.deleteList(actor, id, ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }

    /** Copies a year's lists to another year: {@code {"fromYear": 2024, "toYear": 2025}}. */
    @Post("/worklists/copy")
    @Status(HttpStatus.CREATED)
    public CopiedYear copy(Actor actor, @Body YearCopy body, HttpRequest<?> request) {
        return editing.copyYear(actor, body, ActorArgumentBinder.clientIp(request));
    }

    @Post("/worklists/{id}/items")
    @Status(HttpStatus.CREATED)
    public ItemDetail addItem(Actor actor, @PathVariable long id, @Body ItemChange body, HttpRequest<?> request) {
        return editing.addItem(actor, id, body, ActorArgumentBinder.clientIp(request));
    }

    @Put("/worklists/{id}/order")
    public WorkListDetail reorder(Actor actor, @PathVariable long id, @Body ItemOrder body, HttpRequest<?> request) {
        return editing.reorder(actor, id, body, ActorArgumentBinder.clientIp(request));
    }

    @Put("/items/{id}")
    public ItemDetail changeItem(Actor actor, @PathVariable long id, @Body ItemChange body, HttpRequest<?> request) {
        return editing.changeItem(actor, id, body, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/items/{id}")
    public HttpResponse<Void> removeItem(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        editing.removeItem(actor, id, ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }

    @Post("/items/{id}/rules")
    @Status(HttpStatus.CREATED)
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public DeductionRule addRule(Actor actor, @PathVariable long id, @Body RuleChange body, HttpRequest<?> request) {
        return editing.addRule(actor, id, body, ActorArgumentBinder.clientIp(request));
    }

    @Put("/rules/{id}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public DeductionRule correctRule(Actor actor, @PathVariable long id, @Body RuleChange body, HttpRequest<?> request) {
        return editing.correctRule(actor, id, body, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/rules/{id}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<Void> removeRule(Actor actor, @PathVariable long id, @Nullable @QueryValue Boolean confirm,
                                         HttpRequest<?> request) {
        editing.removeRule(actor, id, Boolean.TRUE.equals(confirm), ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }
}
