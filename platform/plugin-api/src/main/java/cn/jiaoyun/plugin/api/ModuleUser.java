package cn.jiaoyun.plugin.api;

import java.util.Set;

/**
 * The signed-in member of a bureau on whose behalf a request or view runs.
 *
 * @param roles role names: {@code BUREAU_ADMIN}, {@code SUPERVISOR}, {@code REPORTER}, {@code VIEWER}
 */
public record ModuleUser(long id, String username, String displayName, Set<String> roles) {

    public ModuleUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
