package cn.jiaoyun.core.organisation;

import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.organisation.OrganisationViews.AliasView;
import cn.jiaoyun.core.organisation.OrganisationViews.OrderInput;
import cn.jiaoyun.core.organisation.OrganisationViews.PartInput;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/**
 * The bureau administrator keeps the organisation: {@code POST/PUT/DELETE /api/units[/{id}]},
 * {@code PUT /api/units/order}, the same for departments, and the aliases imports remembered.
 * Reading units and departments is {@code BureauController}'s, for every bureau user.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("BUREAU_ADMIN")
public class OrganisationController {

    private final Organisation organisation;

    public OrganisationController(Organisation organisation) {
        this.organisation = organisation;
    }

    @Post("/units")
    public HttpResponse<Unit> createUnit(Actor actor, @Body PartInput input, HttpRequest<?> request) {
        return HttpResponse.created(organisation.createUnit(actor, input, ActorArgumentBinder.clientIp(request)));
    }

    @Put("/units/order")
    public List<Unit> orderUnits(Actor actor, @Body OrderInput input, HttpRequest<?> request) {
        return organisation.orderUnits(actor, input, ActorArgumentBinder.clientIp(request));
    }

    @Put("/units/{id}")
    public Unit updateUnit(Actor actor, @PathVariable long id, @Body PartInput input, HttpRequest<?> request) {
        return organisation.updateUnit(actor, id, input, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/units/{id}")
    public HttpResponse<Void> deleteUnit(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        organisation.deleteUnit(actor, id, Messages.localeOf(request), ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }

    @Post("/departments")
    public HttpResponse<Department> createDepartment(Actor actor, @Body PartInput input, HttpRequest<?> request) {
        return HttpResponse.created(organisation.createDepartment(actor, input, ActorArgumentBinder.clientIp(request)));
    }

    @Put("/departments/order")
    public List<Department> orderDepartments(Actor actor, @Body OrderInput input, HttpRequest<?> request) {
        return organisation.orderDepartments(actor, input, ActorArgumentBinder.clientIp(request));
    }

    @Put("/departments/{id}")
    public Department updateDepartment(Actor actor, @PathVariable long id, @Body PartInput input,
                                       HttpRequest<?> request) {
        return organisation.updateDepartment(actor, id, input, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/departments/{id}")
    public HttpResponse<Void> deleteDepartment(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        organisation.deleteDepartment(actor, id, Messages.localeOf(request), ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }

    @Get("/aliases")
    public List<AliasView> aliases(Actor actor) {
        return organisation.aliases(actor.bureau());
    }

    @Get("/aliases/{id}")
    public AliasView alias(Actor actor, @PathVariable long id) {
        return organisation.alias(actor.bureau(), id);
    }

    @Delete("/aliases/{id}")
    public HttpResponse<Void> deleteAlias(Actor actor, @PathVariable long id, HttpRequest<?> request) {
        organisation.deleteAlias(actor, id, ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }
}
