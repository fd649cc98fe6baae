package cn.jiaoyun.host;

import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/**
 * A bureau's administrator (or a platform administrator) switches modules on and off for the
 * bureau. Another bureau's code answers 404, as if it did not exist.
 */
@Controller("/api/tenants/{code}/modules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TenantModulesController {

    private final BureauModules modules;

    public TenantModulesController(BureauModules modules) {
        this.modules = modules;
    }

    @Get
    public List<BureauModules.Availability> list(Actor actor, @PathVariable String code) {
        requireSameBureau(actor, code, false);
        return modules.availability(code);
    }

    @Put("/{moduleId}")
    public List<BureauModules.Availability> enable(Actor actor, @PathVariable String code, @PathVariable String moduleId) {
        requireSameBureau(actor, code, true);
        modules.enable(code, moduleId, actor.auditName());
        return modules.availability(code);
    }

    @Delete("/{moduleId}")
    public HttpResponse<?> disable(Actor actor, @PathVariable String code, @PathVariable String moduleId) {
        requireSameBureau(actor, code, true);
        modules.disable(code, moduleId, actor.auditName());
        return HttpResponse.noContent();
    }

    private static void requireSameBureau(Actor actor, String code, boolean change) {
        if (actor.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (actor.tenantId() == null || !actor.tenantId().equals(code)) {
            throw ApiProblem.notFound("bureau", code);
        }
        if (change && !actor.has(Role.BUREAU_ADMIN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.plugin.forbidden-role");
        }
    }
}
