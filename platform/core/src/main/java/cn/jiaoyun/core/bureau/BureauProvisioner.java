package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.BureauDefinition.DepartmentDefinition;
import cn.jiaoyun.core.bureau.BureauDefinition.UnitDefinition;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a bureau in line with its definition, idempotently: applying the same definition twice
 * changes nothing the second time. The definition is authoritative for the bureau's facts, units
 * and departments (those it no longer lists are deactivated, never deleted, because work may
 * refer to them); modules it lists are switched on, and modules a bureau administrator switched
 * on are left alone.
 */
@Singleton
public class BureauProvisioner {

    /** What applying a definition did. */
    public record Result(String code, boolean created, int changes) {
    }

    private final TenantTransactions tx;
    private final BureauRepository bureaus;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final BureauModuleRepository modules;
    private final AuditLog audit;

    public BureauProvisioner(TenantTransactions tx, BureauRepository bureaus, UnitRepository units,
                             DepartmentRepository departments, BureauModuleRepository modules, AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.units = units;
        this.departments = departments;
        this.modules = modules;
        this.audit = audit;
    }

    /** Applies {@code definition} in one transaction; {@code actor} and {@code source} go to the audit log. */
    public Result apply(BureauDefinition definition, String actor, String source) {
        String code = definition.code();
        return tx.inBureau(code, () -> {
            int changes = 0;
            Bureau wanted = definition.toBureau();
            var existing = bureaus.findById(code);
            boolean created = existing.isEmpty();
            if (created) {
                bureaus.save(wanted);
                changes++;
            } else if (!sameFacts(existing.get(), wanted)) {
                bureaus.update(new Bureau(code, wanted.name(), wanted.shortName(), wanted.level(),
                        wanted.regionCode(), wanted.parentRegionCode(), wanted.parentName(), wanted.synthetic(),
                        existing.get().status()));
                changes++;
            }
            changes += syncUnits(code, definition.units());
            changes += syncDepartments(code, definition.departments());
            Set<String> enabled = new HashSet<>(modules.findModuleIds(code));
            for (String module : definition.modules()) {
                if (!enabled.contains(module)) {
                    modules.enable(code, module);
                    changes++;
                }
            }
            if (changes > 0) {
                audit.record(code, actor, created ? AuditAction.BUREAU_CREATED : AuditAction.BUREAU_PROVISIONED,
                        "bureau:" + code, "source=" + source + ", changes=" + changes, null);
            }
            return new Result(code, created, changes);
        });
    }

    private int syncUnits(String code, List<UnitDefinition> wanted) {
        Map<String, Unit> byCode = units.findByTenantIdOrderBySortOrder(code).stream()
                .collect(Collectors.toMap(Unit::code, Function.identity()));
        int changes = 0;
        for (int i = 0; i < wanted.size(); i++) {
            UnitDefinition w = wanted.get(i);
            Unit have = byCode.remove(w.code());
            Unit target = new Unit(have == null ? null : have.id(), code, w.code(), w.name(), w.shortName(), i + 1, true);
            if (have == null) {
                units.save(target);
                changes++;
            } else if (!have.equals(target)) {
                units.update(target);
                changes++;
            }
        }
        for (Unit gone : byCode.values()) {
            if (gone.active()) {
                units.update(new Unit(gone.id(), code, gone.code(), gone.name(), gone.shortName(), gone.sortOrder(), false));
                changes++;
            }
        }
        return changes;
    }

    private int syncDepartments(String code, List<DepartmentDefinition> wanted) {
        Map<String, Department> byCode = departments.findByTenantIdOrderBySortOrder(code).stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        int changes = 0;
        for (int i = 0; i < wanted.size(); i++) {
            DepartmentDefinition w = wanted.get(i);
            Department have = byCode.remove(w.code());
            Department target = new Department(have == null ? null : have.id(), code, w.code(), w.name(), i + 1, true);
            if (have == null) {
                departments.save(target);
                changes++;
            } else if (!have.equals(target)) {
                departments.update(target);
                changes++;
            }
        }
        for (Department gone : byCode.values()) {
            if (gone.active()) {
                departments.update(new Department(gone.id(), code, gone.code(), gone.name(), gone.sortOrder(), false));
                changes++;
            }
        }
        return changes;
    }

    private static boolean sameFacts(Bureau a, Bureau b) {
        return a.name().equals(b.name()) && Objects.equals(a.shortName(), b.shortName()) && a.level() == b.level()
                && a.regionCode().equals(b.regionCode()) && Objects.equals(a.parentRegionCode(), b.parentRegionCode())
                && Objects.equals(a.parentName(), b.parentName()) && a.synthetic() == b.synthetic();
    }
}
