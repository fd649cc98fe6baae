package cn.jiaoyun.core.identity;

import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A bureau administrator manages the bureau's users. */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("BUREAU_ADMIN")
public class UserController {

    @Serdeable
    public record PasswordReset(@NotBlank @Size(max = 200) String password) {
    }

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Get
    public List<UserView> list(Actor actor) {
        return users.list(actor.bureau());
    }

    @Get("/{id}")
    public UserView get(Actor actor, @PathVariable long id) {
        return users.get(actor.bureau(), id);
    }

    @Post
    @Status(HttpStatus.CREATED)
    public UserView create(Actor actor, @Body UserChange change, HttpRequest<?> http) {
        return users.create(actor, change, ActorArgumentBinder.clientIp(http));
    }

    @Put("/{id}")
    public UserView update(Actor actor, @PathVariable long id, @Body UserChange change, HttpRequest<?> http) {
        return users.update(actor, id, change, ActorArgumentBinder.clientIp(http));
    }

    @Post("/{id}/password")
    public HttpResponse<Void> resetPassword(Actor actor, @PathVariable long id, @Valid @Body PasswordReset body,
                                            HttpRequest<?> http) {
        users.resetPassword(actor, id, body.password(), ActorArgumentBinder.clientIp(http));
        return HttpResponse.noContent();
    }
}
