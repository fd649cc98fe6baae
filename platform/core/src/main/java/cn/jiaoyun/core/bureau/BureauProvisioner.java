package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.BureauDefinition.DepartmentDefinition;
import cn.jiaoyun.core.bureau.BureauDefinition.UnitDefinition;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a bureau in line with its definition, idempotently: applying the same definition twice
 * changes nothing the second time. The definition is authoritative for the bureau's facts. Units
 * and departments belong to the bureau once it runs: the definition creates them and applies its
 * own later edits (only what changed in the file since it was last applied; those it no longer
 * lists are deactivated, never deleted), and never undoes what the bureau changed in the product.
 * Modules it lists are switched on, and modules a bureau administrator switched on are left alone.
 */
@Singleton
public class BureauProvisioner {

    static final String UNIT = "UNIT";
    static final String DEPARTMENT = "DEPARTMENT";

    /** What applying a definition did. */
    public record Result(String code, boolean created, int changes) {
    }

    private final TenantTransactions tx;
    private final BureauRepository bureaus;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final BureauModuleRepository modules;
    private final AuditLog audit;
    private final ProvisionedEntries applied;

    public BureauProvisioner(TenantTransactions tx, BureauRepository bureaus, UnitRepository units,
                             DepartmentRepository departments, BureauModuleRepository modules, AuditLog audit,
                             ProvisionedEntries applied) {
        this.tx = tx;
        this.applied = applied;
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

    /** What the file says of one unit or department: the same shape for both. */
    record Entry(String code, String name, @Nullable String shortName, int position) {
    }

    private int syncUnits(String code, List<UnitDefinition> definitions) {
        List<Entry> wanted = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            UnitDefinition w = definitions.get(i);
            wanted.add(new Entry(w.code(), w.name(), w.shortName(), i + 1));
        }
        Map<String, Unit> byCode = units.findByTenantIdOrderBySortOrder(code).stream()
                .collect(Collectors.toMap(Unit::code, Function.identity()));
        return sync(code, UNIT, wanted, new Rows<>() {
            @Override
            public Entry current(String part) {
                Unit u = byCode.get(part);
                return u == null ? null : new Entry(u.code(), u.name(), u.shortName(), u.sortOrder());
            }

            @Override
            public boolean active(String part) {
                return byCode.get(part).active();
            }

            @Override
            public void create(Entry e) {
                units.save(new Unit(null, code, e.code(), e.name(), e.shortName(), e.position(), true));
            }

            @Override
            public void update(Entry e, boolean active) {
                Unit u = byCode.get(e.code());
                units.update(new Unit(u.id(), code, u.code(), e.name(), e.shortName(), e.position(), active));
            }
        });
    }

    private int syncDepartments(String code, List<DepartmentDefinition> definitions) {
        List<Entry> wanted = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            DepartmentDefinition w = definitions.get(i);
            wanted.add(new Entry(w.code(), w.name(), w.shortName(), i + 1));
        }
        Map<String, Department> byCode = departments.findByTenantIdOrderBySortOrder(code).stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        return sync(code, DEPARTMENT, wanted, new Rows<>() {
            @Override
            public Entry current(String part) {
                Department d = byCode.get(part);
                return d == null ? null : new Entry(d.code(), d.name(), d.shortName(), d.sortOrder());
            }

            @Override
            public boolean active(String part) {
                return byCode.get(part).active();
            }

            @Override
            public void create(Entry e) {
                departments.save(new Department(null, code, e.code(), e.name(), e.shortName(), e.position(), true));
            }

            @Override
            public void update(Entry e, boolean active) {
                Department d = byCode.get(e.code());
                departments.update(new Department(d.id(), code, d.code(), e.name(), e.shortName(), e.position(),
                        active));
            }
        });
    }

    /** The bureau's rows of one kind, as the synchronisation sees them. */
    private interface Rows<T> {
        @Nullable
        Entry current(String code);

        boolean active(String code);

        void create(Entry wanted);

        void update(Entry values, boolean active);
    }

    /**
     * Applies to the bureau's rows only what the file changed since it was last applied:
     * a field the file did not change keeps what the bureau made of it in the product (a
     * rename, a short name, an order, a deactivation). A code the file lists for the first time
     * is created, or, if the bureau has it already, takes the file's values and is active; a
     * code the file no longer lists is deactivated. Then the file is remembered as applied.
     */
    private int sync(String code, String kind, List<Entry> wanted, Rows<?> rows) {
        Map<String, Entry> previous = applied.entries(code, kind);
        int changes = 0;
        for (Entry w : wanted) {
            Entry have = rows.current(w.code());
            Entry before = previous.get(w.code());
            if (have == null) {
                rows.create(w);
                changes++;
            } else if (before == null) {
                if (!have.equals(w) || !rows.active(w.code())) {
                    rows.update(w, true);
                    changes++;
                }
            } else if (!before.equals(w)) {
                Entry merged = new Entry(w.code(),
                        before.name().equals(w.name()) ? have.name() : w.name(),
                        Objects.equals(before.shortName(), w.shortName()) ? have.shortName() : w.shortName(),
                        before.position() == w.position() ? have.position() : w.position());
                if (!merged.equals(have)) {
                    rows.update(merged, rows.active(w.code()));
                    changes++;
                }
            }
        }
        Set<String> listed = wanted.stream().map(Entry::code).collect(Collectors.toSet());
        for (String gone : previous.keySet()) {
            Entry have = rows.current(gone);
            if (!listed.contains(gone) && have != null && rows.active(gone)) {
                rows.update(have, false);
                changes++;
            }
        }
        applied.remember(code, kind, previous, wanted);
        return changes;
    }

    private static boolean sameFacts(Bureau a, Bureau b) {
        return a.name().equals(b.name()) && Objects.equals(a.shortName(), b.shortName()) && a.level() == b.level()
                && a.regionCode().equals(b.regionCode()) && Objects.equals(a.parentRegionCode(), b.parentRegionCode())
                && Objects.equals(a.parentName(), b.parentName()) && a.synthetic() == b.synthetic();
    }
}
