package cn.jiaoyun.core.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A platform administrator or regional analyst: belongs to no bureau. */
@MappedEntity("platform_account")
public record PlatformAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        Role role,
        @Nullable String regionCode,
        boolean enabled) {

    public PlatformAccount withPasswordHash(String hash) {
        return new PlatformAccount(id, username, displayName, hash, role, regionCode, enabled);
    }
}
