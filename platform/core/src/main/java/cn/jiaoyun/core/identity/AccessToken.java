package cn.jiaoyun.core.identity;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a successful login. */
@Serdeable
public record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
