package cn.jiaoyun.core.web;

import cn.jiaoyun.core.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, as the signed token says: a bureau's user ({@code tenantId} set) or a platform
 * account (no bureau). Controllers take it as an argument.
 */
public record Actor(String username, @Nullable String tenantId, @Nullable Long userId, String displayName,
                    Set<Role> roles, @Nullable String regionCode) {

    public static final String CLAIM_TENANT = "tenant";
    public static final String CLAIM_USER_ID = "uid";
    public static final String CLAIM_NAME = "name";
    public static final String CLAIM_REGION = "region";

    public static Actor of(Authentication auth) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : auth.getRoles()) {
            Role role = Role.parse(r);
            if (role != null) {
                roles.add(role);
            }
        }
        Object uid = auth.getAttributes().get(CLAIM_USER_ID);
        Object name = auth.getAttributes().get(CLAIM_NAME);
        return new Actor(auth.getName(),
                (String) auth.getAttributes().get(CLAIM_TENANT),
                uid instanceof Number n ? n.longValue() : null,
                name == null ? auth.getName() : name.toString(),
                roles,
                (String) auth.getAttributes().get(CLAIM_REGION));
    }

    /** The caller's bureau; refuses platform accounts, which have none. */
    public String bureau() {
        if (tenantId == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.bureau-account-required");
        }
        return tenantId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> any) {
        return any.stream().anyMatch(roles::contains);
    }

    /** How the audit log names this caller. */
    public String auditName() {
        return tenantId == null ? "platform:" + username : username;
    }
}
