package cn.jiaoyun.core.identity;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

/**
 * A signed token stays valid until it expires, but an account an administrator disabled (or
 * removed) must lose access at once: every authenticated API request checks the account first.
 * One primary-key lookup per request, off the event loop.
 */
@ServerFilter("/api/**")
public class ActiveAccountFilter implements Ordered {

    private final UserService users;
    private final PlatformAccountRepository platformAccounts;
    private final TenantTransactions tx;

    public ActiveAccountFilter(UserService users, PlatformAccountRepository platformAccounts, TenantTransactions tx) {
        this.users = users;
        this.platformAccounts = platformAccounts;
        this.tx = tx;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            return null;
        }
        Actor actor = Actor.of(authentication);
        if (actor.userId() == null) {
            return null;
        }
        boolean active = actor.tenantId() != null
                ? users.isActive(actor.tenantId(), actor.userId())
                : tx.onPlatform(() -> platformAccounts.findById(actor.userId()).map(PlatformAccount::enabled).orElse(false));
        return active ? null
                : ProblemResponses.of(request, new ApiProblem(HttpStatus.UNAUTHORIZED, "problem.login.disabled"));
    }
}
