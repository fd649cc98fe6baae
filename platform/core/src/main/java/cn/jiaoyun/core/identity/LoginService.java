package cn.jiaoyun.core.identity;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.audit.AuditRepository;
import cn.jiaoyun.core.audit.PlatformAuditRepository;
import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauRepository;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a login and issues a signed access token carrying the bureau and roles. Every attempt
 * is written to the audit log of the bureau it names (or the platform's); an account with
 * {@code max-failures} failed attempts within {@code window-minutes} since its last success is
 * refused without checking the password until the oldest of those failures leaves the window.
 * The lock-out is counted from the audit log in the database, so every server node enforces it.
 */
@Singleton
public class LoginService {

    private final TenantTransactions tx;
    private final BureauRepository bureaus;
    private final UserRepository users;
    private final PlatformAccountRepository platformAccounts;
    private final AuditRepository bureauAudit;
    private final PlatformAuditRepository platformAudit;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final TokenGenerator tokens;
    private final int tokenMinutes;
    private final int maxFailures;
    private final int windowMinutes;

    public LoginService(TenantTransactions tx, BureauRepository bureaus, UserRepository users,
                        PlatformAccountRepository platformAccounts, AuditRepository bureauAudit,
                        PlatformAuditRepository platformAudit, AuditLog audit, PasswordHasher hasher,
                        TokenGenerator tokens,
                        @Value("${jiaoyun.auth.token-minutes:30}") int tokenMinutes,
                        @Value("${jiaoyun.auth.lockout.max-failures:5}") int maxFailures,
                        @Value("${jiaoyun.auth.lockout.window-minutes:15}") int windowMinutes) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.users = users;
        this.platformAccounts = platformAccounts;
        this.bureauAudit = bureauAudit;
        this.platformAudit = platformAudit;
        this.audit = audit;
        this.hasher = hasher;
        this.tokens = tokens;
        this.tokenMinutes = tokenMinutes;
        this.maxFailures = maxFailures;
        this.windowMinutes = windowMinutes;
    }

    /** A successful login: who logged in, and the signed token that says so. */
    public record Login(Actor actor, AccessToken token) {
    }

    /**
     * A bureau user's login ({@code tenant} set) or a platform account's ({@code tenant} null).
     * Refusals are thrown as {@link ApiProblem}s (401, 403, 404, 429) after being audited.
     */
    public Login login(@Nullable String tenant, String username, String password, String clientIp) {
        String name = username.trim().toLowerCase(java.util.Locale.ROOT);
        return tenant == null || tenant.isBlank()
                ? loginPlatform(name, password, clientIp)
                : loginBureau(tenant.trim().toLowerCase(java.util.Locale.ROOT), name, password, clientIp);
    }

    /** An account in a bureau, as the login found it. */
    private record Candidate(UserAccount account, List<String> roles) {
    }

    private Login loginBureau(String tenant, String username, String password, String clientIp) {
        Optional<Bureau> bureau = tx.onPlatform(() -> bureaus.findById(tenant));
        if (bureau.isEmpty()) {
            audit.recordPlatform(username, AuditAction.LOGIN_FAILED, "bureau:" + tenant, "unknown bureau", clientIp);
            throw new ApiProblem(HttpStatus.NOT_FOUND, "problem.login.unknown-bureau", tenant);
        }
        List<OffsetDateTime> failures = tx.readInBureau(tenant,
                () -> bureauAudit.recentFailures(tenant, username, windowMinutes, maxFailures));
        refuseWhenLocked(failures, () -> audit.record(tenant, username, AuditAction.LOGIN_REFUSED_LOCKED,
                null, null, clientIp));
        Optional<Candidate> candidate = tx.readInBureau(tenant, () -> users.findByTenantIdAndUsername(tenant, username)
                .map(u -> new Candidate(u, users.findRoles(tenant, u.id()))));
        boolean matches = hasher.matches(password, candidate.map(c -> c.account().passwordHash()).orElse(null));
        if (!matches) {
            audit.record(tenant, username, AuditAction.LOGIN_FAILED, null,
                    candidate.isEmpty() ? "unknown user" : "wrong password", clientIp);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "problem.login.bad-credentials");
        }
        UserAccount account = candidate.get().account();
        if (!account.enabled()) {
            audit.record(tenant, username, AuditAction.LOGIN_FAILED, null, "account disabled", clientIp);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.login.disabled");
        }
        if (!bureau.get().active()) {
            audit.record(tenant, username, AuditAction.LOGIN_FAILED, null, "bureau suspended", clientIp);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.bureau.suspended");
        }
        audit.record(tenant, username, AuditAction.LOGIN_SUCCEEDED, null, null, clientIp);
        Map<String, Object> claims = new HashMap<>();
        claims.put(Actor.CLAIM_TENANT, tenant);
        claims.put(Actor.CLAIM_USER_ID, account.id());
        claims.put(Actor.CLAIM_NAME, account.displayName());
        return issue(username, candidate.get().roles(), claims);
    }

    private Login loginPlatform(String username, String password, String clientIp) {
        List<OffsetDateTime> failures = tx.onPlatform(
                () -> platformAudit.recentFailures(username, windowMinutes, maxFailures));
        refuseWhenLocked(failures, () -> audit.recordPlatform(username, AuditAction.LOGIN_REFUSED_LOCKED,
                null, null, clientIp));
        Optional<PlatformAccount> account = tx.onPlatform(() -> platformAccounts.findByUsername(username));
        if (!hasher.matches(password, account.map(PlatformAccount::passwordHash).orElse(null))) {
            audit.recordPlatform(username, AuditAction.LOGIN_FAILED, null,
                    account.isEmpty() ? "unknown user" : "wrong password", clientIp);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "problem.login.bad-credentials");
        }
        if (!account.get().enabled()) {
            audit.recordPlatform(username, AuditAction.LOGIN_FAILED, null, "account disabled", clientIp);
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.login.disabled");
        }
        audit.recordPlatform(username, AuditAction.LOGIN_SUCCEEDED, null, null, clientIp);
        Map<String, Object> claims = new HashMap<>();
        claims.put(Actor.CLAIM_USER_ID, account.get().id());
        claims.put(Actor.CLAIM_NAME, account.get().displayName());
        if (account.get().regionCode() != null) {
            claims.put(Actor.CLAIM_REGION, account.get().regionCode());
        }
        return issue(username, List.of(account.get().role().name()), claims);
    }

    private void refuseWhenLocked(List<OffsetDateTime> failures, Runnable recordRefusal) {
        if (failures.size() < maxFailures) {
            return;
        }
        OffsetDateTime oldest = failures.get(failures.size() - 1);
        long seconds = Math.max(1, Duration.between(OffsetDateTime.now(), oldest.plusMinutes(windowMinutes)).toSeconds());
        recordRefusal.run();
        throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "problem.login.locked", (seconds + 59) / 60)
                .retryAfter(seconds);
    }

    private Login issue(String username, List<String> roles, Map<String, Object> claims) {
        int seconds = tokenMinutes * 60;
        Authentication authentication = Authentication.build(username, roles, claims);
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("The token generator produced no token"));
        return new Login(Actor.of(authentication), new AccessToken(token, "Bearer", seconds));
    }
}
