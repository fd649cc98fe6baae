package cn.jiaoyun.core.web;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers declare an {@link Actor} parameter, built from the request's authentication. */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Optional<Authentication> auth = source.getUserPrincipal(Authentication.class);
        if (auth.isEmpty()) {
            return BindingResult.unsatisfied();
        }
        Actor actor = Actor.of(auth.get());
        return () -> Optional.of(actor);
    }

    /** The caller's address for the audit log (the proxy's forwarded address when present). */
    public static String clientIp(HttpRequest<?> request) {
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
