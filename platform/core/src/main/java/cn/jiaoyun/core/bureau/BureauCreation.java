package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.identity.PasswordHasher;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.identity.UserAccount;
import cn.jiaoyun.core.identity.UserRepository;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A platform administrator creates a bureau with its first administrator account, in one
 * transaction: either the bureau exists afterwards with its administrator, or nothing does.
 */
@Singleton
public class BureauCreation {

    private final TenantTransactions tx;
    private final BureauRepository bureaus;
    private final BureauProvisioner provisioner;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public BureauCreation(TenantTransactions tx, BureauRepository bureaus, BureauProvisioner provisioner,
                          UserRepository users, PasswordHasher hasher, AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.provisioner = provisioner;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
    }

    /**
     * @param body the bureau's definition (as in tenant.yaml) plus {@code admin}: {@code username},
     *             {@code displayName}, {@code password} of its first administrator
     */
    public Bureau create(Actor platformAdmin, Map<String, Object> body, String clientIp) {
        List<FieldError> errors = new ArrayList<>();
        BureauDefinition definition = null;
        try {
            definition = BureauDefinition.from(body);
        } catch (BureauDefinition.InvalidDefinition e) {
            errors.addAll(e.errors());
        }
        Map<?, ?> admin = body.get("admin") instanceof Map<?, ?> m ? m : Map.of();
        String username = admin.get("username") == null ? "" : admin.get("username").toString().trim().toLowerCase(Locale.ROOT);
        String displayName = admin.get("displayName") == null ? "" : admin.get("displayName").toString().trim();
        String password = admin.get("password") == null ? "" : admin.get("password").toString();
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,39}")) {
            errors.add(new FieldError("admin.username", username.isEmpty() ? "field.required" : "field.username.pattern"));
        }
        if (displayName.isEmpty()) {
            errors.add(new FieldError("admin.displayName", "field.required"));
        }
        if (password.length() < PasswordHasher.MIN_LENGTH) {
            errors.add(new FieldError("admin.password", "field.password.short", PasswordHasher.MIN_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        BureauDefinition def = definition;
        if (tx.onPlatform(() -> bureaus.existsById(def.code()))) {
            throw new ApiProblem(HttpStatus.CONFLICT, List.of(new FieldError("code", "field.duplicate", def.code())),
                    "problem.invalid.detail");
        }
        String hash = hasher.hash(password);
        Bureau created = tx.inBureau(def.code(), () -> {
            provisioner.apply(def, platformAdmin.auditName(), "api");
            UserAccount account = users.save(new UserAccount(null, def.code(), username, displayName, hash,
                    null, null, true));
            users.grant(def.code(), account.id(), Role.BUREAU_ADMIN.name());
            audit.record(def.code(), platformAdmin.auditName(), AuditAction.USER_CREATED, "user:" + username,
                    "roles=[BUREAU_ADMIN]", clientIp);
            return bureaus.findById(def.code()).orElseThrow();
        });
        audit.recordPlatform(platformAdmin.username(), AuditAction.BUREAU_CREATED, "bureau:" + def.code(),
                def.name(), clientIp);
        return created;
    }
}
