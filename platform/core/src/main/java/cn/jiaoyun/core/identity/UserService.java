package cn.jiaoyun.core.identity;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.DepartmentRepository;
import cn.jiaoyun.core.bureau.UnitRepository;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A bureau administrator's management of the bureau's users. Every change is audited. */
@Singleton
public class UserService {

    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,39}";

    private final TenantTransactions tx;
    private final UserRepository users;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public UserService(TenantTransactions tx, UserRepository users, UnitRepository units,
                       DepartmentRepository departments, PasswordHasher hasher, AuditLog audit) {
        this.tx = tx;
        this.users = users;
        this.units = units;
        this.departments = departments;
        this.hasher = hasher;
        this.audit = audit;
    }

    public List<UserView> list(String tenantId) {
        return tx.readInBureau(tenantId, () -> users.findByTenantIdOrderByUsername(tenantId).stream()
                .map(u -> UserView.of(u, users.findRoles(tenantId, u.id())))
                .toList());
    }

    /** Whether a logged-in bureau user's account still exists and is enabled (checked on every page). */
    public boolean isActive(String tenantId, long id) {
        return tx.readInBureau(tenantId, () -> users.findByTenantIdAndId(tenantId, id)
                .map(UserAccount::enabled).orElse(false));
    }

    public UserView get(String tenantId, long id) {
        return tx.readInBureau(tenantId, () -> users.findByTenantIdAndId(tenantId, id)
                .map(u -> UserView.of(u, users.findRoles(tenantId, u.id())))
                .orElseThrow(() -> ApiProblem.notFound("user", id)));
    }

    public UserView create(Actor admin, UserChange change, String clientIp) {
        String tenantId = admin.bureau();
        List<FieldError> errors = new ArrayList<>();
        String username = change.username() == null ? null : change.username().trim().toLowerCase(Locale.ROOT);
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "field.required"));
        } else if (!username.matches(USERNAME_PATTERN)) {
            errors.add(new FieldError("username", "field.username.pattern"));
        }
        if (change.displayName() == null || change.displayName().isBlank()) {
            errors.add(new FieldError("displayName", "field.required"));
        }
        checkPassword(change.password(), errors);
        Set<Role> roles = roles(change.roles(), errors, true);
        failIfAny(errors);
        return tx.inBureau(tenantId, () -> {
            checkOrganisation(tenantId, change, errors);
            if (users.findByTenantIdAndUsername(tenantId, username).isPresent()) {
                errors.add(new FieldError("username", "field.duplicate", username));
            }
            failIfAny(errors);
            UserAccount saved = users.save(new UserAccount(null, tenantId, username, change.displayName().trim(),
                    hasher.hash(change.password()), change.unitId(), change.departmentId(), true));
            roles.forEach(r -> users.grant(tenantId, saved.id(), r.name()));
            audit.record(tenantId, admin.auditName(), AuditAction.USER_CREATED, "user:" + username,
                    "roles=" + roles, clientIp);
            return UserView.of(saved, users.findRoles(tenantId, saved.id()));
        });
    }

    public UserView update(Actor admin, long id, UserChange change, String clientIp) {
        String tenantId = admin.bureau();
        List<FieldError> errors = new ArrayList<>();
        if (change.displayName() != null && change.displayName().isBlank()) {
            errors.add(new FieldError("displayName", "field.required"));
        }
        Set<Role> roles = change.roles() == null ? null : roles(change.roles(), errors, true);
        failIfAny(errors);
        return tx.inBureau(tenantId, () -> {
            UserAccount u = users.findByTenantIdAndId(tenantId, id)
                    .orElseThrow(() -> ApiProblem.notFound("user", id));
            checkOrganisation(tenantId, change, errors);
            failIfAny(errors);
            boolean enabled = change.enabled() == null ? u.enabled() : change.enabled();
            boolean wasAdmin = users.findRoles(tenantId, id).contains(Role.BUREAU_ADMIN.name());
            boolean staysAdmin = enabled && (roles == null ? wasAdmin : roles.contains(Role.BUREAU_ADMIN));
            if (wasAdmin && u.enabled() && !staysAdmin && users.countOtherEnabledAdmins(tenantId, id) == 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, "problem.user.last-admin");
            }
            UserAccount changed = new UserAccount(u.id(), tenantId, u.username(),
                    change.displayName() == null ? u.displayName() : change.displayName().trim(),
                    u.passwordHash(),
                    change.unitId() == null ? u.unitId() : change.unitId(),
                    change.departmentId() == null ? u.departmentId() : change.departmentId(),
                    enabled);
            users.update(changed);
            if (roles != null) {
                users.revokeAll(tenantId, id);
                roles.forEach(r -> users.grant(tenantId, id, r.name()));
            }
            audit.record(tenantId, admin.auditName(), AuditAction.USER_UPDATED, "user:" + u.username(),
                    "enabled=" + enabled + (roles == null ? "" : ", roles=" + roles), clientIp);
            return UserView.of(changed, users.findRoles(tenantId, id));
        });
    }

    public void resetPassword(Actor admin, long id, String password, String clientIp) {
        String tenantId = admin.bureau();
        List<FieldError> errors = new ArrayList<>();
        checkPassword(password, errors);
        failIfAny(errors);
        tx.inBureau(tenantId, () -> {
            UserAccount u = users.findByTenantIdAndId(tenantId, id)
                    .orElseThrow(() -> ApiProblem.notFound("user", id));
            users.update(u.withPasswordHash(hasher.hash(password)));
            audit.record(tenantId, admin.auditName(), AuditAction.USER_PASSWORD_RESET, "user:" + u.username(),
                    null, clientIp);
            return null;
        });
    }

    private void checkOrganisation(String tenantId, UserChange change, List<FieldError> errors) {
        if (change.unitId() != null && units.findByTenantIdAndId(tenantId, change.unitId()).isEmpty()) {
            errors.add(new FieldError("unitId", "field.unit.unknown", change.unitId()));
        }
        if (change.departmentId() != null
                && departments.findByTenantIdAndId(tenantId, change.departmentId()).isEmpty()) {
            errors.add(new FieldError("departmentId", "field.department.unknown", change.departmentId()));
        }
    }

    private static void checkPassword(String password, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "field.required"));
        } else if (password.length() < PasswordHasher.MIN_LENGTH) {
            errors.add(new FieldError("password", "field.password.short", PasswordHasher.MIN_LENGTH));
        }
    }

    private static Set<Role> roles(List<String> names, List<FieldError> errors, boolean required) {
        Set<Role> roles = new LinkedHashSet<>();
        if (names == null || names.isEmpty()) {
            if (required) {
                errors.add(new FieldError("roles", "field.roles.empty"));
            }
            return roles;
        }
        for (String name : names) {
            Role role = Role.parse(name);
            if (role == null) {
                errors.add(new FieldError("roles", "field.role.unknown", name));
            } else if (!role.isBureauRole()) {
                errors.add(new FieldError("roles", "field.role.not-bureau", name));
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
    }
}
