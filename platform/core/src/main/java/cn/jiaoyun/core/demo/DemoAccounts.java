package cn.jiaoyun.core.demo;

import cn.jiaoyun.core.bureau.BureauDefinition;
import cn.jiaoyun.core.bureau.BureauDefinition.DemoUser;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.DepartmentRepository;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.bureau.UnitRepository;
import cn.jiaoyun.core.identity.PasswordHasher;
import cn.jiaoyun.core.identity.PlatformAccount;
import cn.jiaoyun.core.identity.PlatformAccountRepository;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.identity.UserAccount;
import cn.jiaoyun.core.identity.UserRepository;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates the demo accounts a definition lists, and the platform administrator {@code platform}.
 * Existing accounts keep their data; only a password that no longer matches the configured demo
 * password is reset, so that the logins the server prints are always true.
 */
@Singleton
public class DemoAccounts {

    public static final String PLATFORM_USERNAME = "platform";

    private final TenantTransactions tx;
    private final UserRepository users;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final PlatformAccountRepository platformAccounts;
    private final PasswordHasher hasher;

    public DemoAccounts(TenantTransactions tx, UserRepository users, UnitRepository units,
                        DepartmentRepository departments, PlatformAccountRepository platformAccounts,
                        PasswordHasher hasher) {
        this.tx = tx;
        this.users = users;
        this.units = units;
        this.departments = departments;
        this.platformAccounts = platformAccounts;
        this.hasher = hasher;
    }

    /** Ensures the bureau's demo users exist with the demo password; returns how many changed. */
    public int ensure(BureauDefinition definition, String password) {
        String code = definition.code();
        return tx.inBureau(code, () -> {
            Map<String, Long> unitIds = units.findByTenantIdOrderBySortOrder(code).stream()
                    .collect(Collectors.toMap(Unit::code, Unit::id));
            Map<String, Long> departmentIds = departments.findByTenantIdOrderBySortOrder(code).stream()
                    .collect(Collectors.toMap(Department::code, Department::id));
            int changes = 0;
            for (DemoUser demo : definition.demoUsers()) {
                var existing = users.findByTenantIdAndUsername(code, demo.username());
                if (existing.isEmpty()) {
                    UserAccount saved = users.save(new UserAccount(null, code, demo.username(), demo.displayName(),
                            hasher.hash(password), unitIds.get(demo.unit()), departmentIds.get(demo.department()), true));
                    demo.roles().forEach(r -> users.grant(code, saved.id(), r.name()));
                    changes++;
                } else if (!hasher.matches(password, existing.get().passwordHash())) {
                    users.update(existing.get().withPasswordHash(hasher.hash(password)));
                    changes++;
                }
            }
            return changes;
        });
    }

    /** Ensures the platform administrator demo account; returns how many changed. */
    public int ensurePlatformAdmin(String password) {
        return ensurePlatformAccount(PLATFORM_USERNAME, "平台管理员", Role.PLATFORM_ADMIN, null, password);
    }

    /**
     * Ensures one regional analyst per region the demo bureaus belong to ({@code analyst-330600}
     * for 绍兴市), so that the comparison of a city's counties can be tried at once; returns how
     * many changed.
     */
    public int ensureAnalysts(java.util.Collection<BureauDefinition> definitions, String password) {
        Map<String, String> regions = new java.util.TreeMap<>();
        for (BureauDefinition d : definitions) {
            if (d.parentRegionCode() != null) {
                regions.putIfAbsent(d.parentRegionCode(), d.parentName() == null ? d.parentRegionCode() : d.parentName());
            }
        }
        int changes = 0;
        for (var region : regions.entrySet()) {
            changes += ensurePlatformAccount(analystUsername(region.getKey()), region.getValue() + "区域分析员",
                    Role.REGIONAL_ANALYST, region.getKey(), password);
        }
        return changes;
    }

    /** A platform account with the demo password: created, or its password reset when it no longer matches. */
    private int ensurePlatformAccount(String username, String displayName, Role role, String region, String password) {
        return tx.onPlatform(() -> platformAccounts.findByUsername(username)
                .map(existing -> {
                    if (hasher.matches(password, existing.passwordHash())) {
                        return 0;
                    }
                    platformAccounts.update(existing.withPasswordHash(hasher.hash(password)));
                    return 1;
                })
                .orElseGet(() -> {
                    platformAccounts.save(new PlatformAccount(null, username, displayName, hasher.hash(password),
                            role, region, true));
                    return 1;
                }));
    }

    /** The demo analyst of a region. */
    public static String analystUsername(String regionCode) {
        return "analyst-" + regionCode;
    }
}
