package cn.jiaoyun.core.identity;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Login, the bureaus one can log in to, and who the caller is. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    /** {@code tenant} is the bureau's code; a platform account leaves it out. */
    @Serdeable
    public record LoginRequest(@Nullable @Size(max = 40) String tenant,
                               @NotBlank @Size(max = 40) String username,
                               @NotBlank @Size(max = 200) String password) {
    }

    /** The caller, as {@code GET /api/me} answers. */
    @Serdeable
    public record Me(String username, String displayName, @Nullable String tenant, @Nullable String bureauName,
                     List<String> roles, @Nullable String regionCode) {
    }

    private final LoginService logins;
    private final BureauService bureaus;

    public AuthController(LoginService logins, BureauService bureaus) {
        this.logins = logins;
        this.bureaus = bureaus;
    }

    @Post("/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public AccessToken login(@Valid @Body LoginRequest request, HttpRequest<?> http) {
        return logins.login(request.tenant(), request.username(), request.password(),
                ActorArgumentBinder.clientIp(http)).token();
    }

    @Get("/auth/bureaus")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public List<BureauService.BureauChoice> bureaus() {
        return bureaus.choices();
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Me me(Actor actor) {
        String bureauName = actor.tenantId() == null ? null : bureaus.profile(actor.tenantId()).bureau().name();
        return new Me(actor.username(), actor.displayName(), actor.tenantId(), bureauName,
                actor.roles().stream().map(Enum::name).sorted().toList(), actor.regionCode());
    }
}
