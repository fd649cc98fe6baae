package cn.jiaoyun.core.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A bureau's user account (table {@code app_user}). Never serialised: it holds the password hash. */
@MappedEntity("app_user")
public record UserAccount(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String username,
        String displayName,
        String passwordHash,
        @Nullable Long unitId,
        @Nullable Long departmentId,
        boolean enabled) {

    public UserAccount withPasswordHash(String hash) {
        return new UserAccount(id, tenantId, username, displayName, hash, unitId, departmentId, enabled);
    }
}
