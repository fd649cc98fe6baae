package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.web.Actor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/** A bureau's own facts and organisation, for every one of its users. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class BureauController {

    private final BureauService bureaus;

    public BureauController(BureauService bureaus) {
        this.bureaus = bureaus;
    }

    @Get("/bureau")
    public BureauService.BureauProfile bureau(Actor actor) {
        return bureaus.profile(actor.bureau());
    }

    @Get("/units")
    public List<Unit> units(Actor actor) {
        return bureaus.units(actor.bureau());
    }

    @Get("/units/{id}")
    public Unit unit(Actor actor, @PathVariable long id) {
        return bureaus.unit(actor.bureau(), id);
    }

    @Get("/departments")
    public List<Department> departments(Actor actor) {
        return bureaus.departments(actor.bureau());
    }

    @Get("/departments/{id}")
    public Department department(Actor actor, @PathVariable long id) {
        return bureaus.department(actor.bureau(), id);
    }
}
