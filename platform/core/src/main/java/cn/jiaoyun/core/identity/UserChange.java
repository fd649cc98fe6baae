package cn.jiaoyun.core.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an administrator sends to create a user ({@code username} and {@code password} needed)
 * or to change one (every field optional; what is absent stays as it is).
 */
@Serdeable
public record UserChange(@Nullable String username, @Nullable String displayName, @Nullable String password,
                         @Nullable List<String> roles, @Nullable Long unitId, @Nullable Long departmentId,
                         @Nullable Boolean enabled) {
}
