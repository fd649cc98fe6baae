package cn.jiaoyun.core.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A bureau user as administrators and the user see it: never the password hash. */
@Serdeable
public record UserView(long id, String username, String displayName, List<String> roles,
                       @Nullable Long unitId, @Nullable Long departmentId, boolean enabled) {

    static UserView of(UserAccount u, List<String> roles) {
        return new UserView(u.id(), u.username(), u.displayName(), roles, u.unitId(), u.departmentId(), u.enabled());
    }
}
