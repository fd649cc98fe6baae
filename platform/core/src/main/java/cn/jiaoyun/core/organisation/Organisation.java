package cn.jiaoyun.core.organisation;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.Department;
import cn.jiaoyun.core.bureau.OrganisationEntry;
import cn.jiaoyun.core.bureau.DepartmentRepository;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.bureau.UnitRepository;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.organisation.OrganisationViews.AliasView;
import cn.jiaoyun.core.organisation.OrganisationViews.OrderInput;
import cn.jiaoyun.core.organisation.OrganisationViews.PartInput;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.ApiProblem.FieldError;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bureau administrator's organisation: units and departments created, renamed, reordered,
 * deactivated, reactivated, and deleted while nothing refers to them; names unique within the
 * bureau (compared without case and white space); aliases the bureau's documents use. Product-
 * created units and departments get a generated code ({@code u-1}, {@code d-1}, …) that no
 * definition file is expected to use. Every change is audited, a rename with before and after.
 */
@Singleton
public class Organisation {

    static final int MAX_NAME = 100;
    static final int MAX_SHORT_NAME = 40;

    private final TenantTransactions tx;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final NameAliasRepository aliases;
    private final OrganisationReferences references;
    private final AuditLog audit;
    private final Part<Unit> unitPart;
    private final Part<Department> departmentPart;

    public Organisation(TenantTransactions tx, UnitRepository units, DepartmentRepository departments,
                        NameAliasRepository aliases, OrganisationReferences references, AuditLog audit) {
        this.tx = tx;
        this.units = units;
        this.departments = departments;
        this.aliases = aliases;
        this.references = references;
        this.audit = audit;
        this.unitPart = new UnitPart();
        this.departmentPart = new DepartmentPart();
    }

    /** The key under which names are compared: NFKC, no white space, lower case. */
    public static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]", "")
                .toLowerCase(Locale.ROOT);
    }

    // ---- units ----

    public Unit createUnit(Actor actor, PartInput in, @Nullable String clientIp) {
        requireAdmin(actor);
        return tx.inBureau(actor.bureau(), () -> create(unitPart, actor.bureau(), actor.auditName(), in, "name",
                null, clientIp));
    }

    public Unit updateUnit(Actor actor, long id, PartInput in, @Nullable String clientIp) {
        requireAdmin(actor);
        return tx.inBureau(actor.bureau(), () -> update(unitPart, actor, id, in, clientIp));
    }

    public void deleteUnit(Actor actor, long id, Locale locale, @Nullable String clientIp) {
        requireAdmin(actor);
        tx.inBureau(actor.bureau(), () -> delete(unitPart, actor, id, locale, clientIp));
    }

    public List<Unit> orderUnits(Actor actor, OrderInput in, @Nullable String clientIp) {
        requireAdmin(actor);
        return tx.inBureau(actor.bureau(), () -> order(unitPart, actor, in, clientIp));
    }

    // ---- departments ----

    public Department createDepartment(Actor actor, PartInput in, @Nullable String clientIp) {
        requireAdmin(actor);
        return tx.inBureau(actor.bureau(), () -> create(departmentPart, actor.bureau(), actor.auditName(), in,
                "name", null, clientIp));
    }

    public Department updateDepartment(Actor actor, long id, PartInput in, @Nullable String clientIp) {
        requireAdmin(actor);
        return tx.inBureau(actor.bureau(), () -> update(departmentPart, actor, id, in, clientIp));
    }

    public void deleteDepartment(Actor actor, long id, Locale locale, @Nullable String clientIp) {
        requireAdmin(actor);
        tx.inBureau(actor.bureau(), () -> delete(departmentPart, actor, id, locale, clientIp));
    }

    public List<Department> orderDepartments(Actor actor, OrderInput in, @Nullable String clientIp) {
        requireAdmin(actor);
        return tx.inBureau(actor.bureau(), () -> order(departmentPart, actor, in, clientIp));
    }

    // ---- aliases ----

    /** The bureau's aliases with the names of the units and departments they stand for. */
    public List<AliasView> aliases(String tenant) {
        return tx.readInBureau(tenant, () -> {
            Map<Long, String> unitNames = units.findByTenantIdOrderBySortOrder(tenant).stream()
                    .collect(Collectors.toMap(Unit::id, Unit::name));
            Map<Long, String> departmentNames = departments.findByTenantIdOrderBySortOrder(tenant).stream()
                    .collect(Collectors.toMap(Department::id, Department::name));
            return aliases.findByTenantId(tenant).stream()
                    .sorted(Comparator.comparing(NameAlias::kind).reversed().thenComparing(NameAlias::name))
                    .map(a -> view(a, NameAlias.UNIT.equals(a.kind()) ? unitNames : departmentNames))
                    .toList();
        });
    }

    public AliasView alias(String tenant, long id) {
        return aliases(tenant).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("alias", id));
    }

    public void deleteAlias(Actor actor, long id, @Nullable String clientIp) {
        requireAdmin(actor);
        String tenant = actor.bureau();
        tx.inBureau(tenant, () -> {
            NameAlias a = aliases.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiProblem.notFound("alias", id));
            aliases.delete(a);
            audit.record(tenant, actor.auditName(), AuditAction.NAME_ALIAS_DELETED, "alias:" + id,
                    a.kind() + " " + a.name() + " → " + a.targetId(), clientIp);
            return null;
        });
    }

    /** The aliases of one kind ({@link NameAlias#UNIT}, {@link NameAlias#DEPARTMENT}) by {@link #key}. */
    public Map<String, Long> aliasTargets(String tenant, String kind) {
        return tx.readInBureau(tenant, () -> aliases.findByTenantIdAndKind(tenant, kind).stream()
                .collect(Collectors.toMap(NameAlias::nameKey, NameAlias::targetId, (a, b) -> a)));
    }

    // ---- for imports, inside the import's transaction ----

    /**
     * Creates a unit named as a document writes it, in the caller's bureau transaction; a name
     * the bureau has already is refused naming {@code field}.
     */
    public Unit createUnitInImport(String tenant, String actor, String name, String field, String source,
                                   @Nullable String clientIp) {
        return tx.inBureau(tenant, () -> create(unitPart, tenant, actor, PartInput.named(name, null), field, source,
                clientIp));
    }

    public Department createDepartmentInImport(String tenant, String actor, String name, String field,
                                               String source, @Nullable String clientIp) {
        return tx.inBureau(tenant, () -> create(departmentPart, tenant, actor, PartInput.named(name, null), field,
                source, clientIp));
    }

    /** Remembers (or moves) the alias {@code written} → {@code targetId}, in the caller's transaction. */
    public void rememberAlias(String tenant, String actor, String kind, String written, long targetId,
                              @Nullable String clientIp) {
        String nameKey = key(written);
        tx.inBureau(tenant, () -> {
            Optional<NameAlias> have = aliases.findByTenantIdAndKindAndNameKey(tenant, kind, nameKey);
            Long unitId = NameAlias.UNIT.equals(kind) ? targetId : null;
            Long departmentId = NameAlias.DEPARTMENT.equals(kind) ? targetId : null;
            if (have.isPresent() && have.get().targetId() == targetId) {
                return null;
            }
            if (have.isPresent()) {
                NameAlias a = have.get();
                aliases.update(new NameAlias(a.id(), tenant, kind, written.strip(), nameKey, unitId, departmentId,
                        actor, a.createdAt()));
                audit.record(tenant, actor, AuditAction.NAME_ALIAS_CREATED, "alias:" + a.id(),
                        kind + " " + written.strip() + ": " + a.targetId() + " → " + targetId, clientIp);
            } else {
                NameAlias a = aliases.save(new NameAlias(null, tenant, kind, written.strip(), nameKey, unitId,
                        departmentId, actor, null));
                audit.record(tenant, actor, AuditAction.NAME_ALIAS_CREATED, "alias:" + a.id(),
                        kind + " " + written.strip() + " → " + targetId, clientIp);
            }
            return null;
        });
    }

    // ---- the work, the same for units and departments ----

    private <T extends OrganisationEntry> T create(Part<T> part, String tenant, String actor, PartInput in,
                                                   String nameField,
                         @Nullable String source, @Nullable String clientIp) {
        lock(tenant);
        Valid v = validate(in, true, nameField);
        List<T> all = part.all(tenant);
        requireUniqueName(all, v.name(), null, nameField);
        Set<String> codes = all.stream().map(OrganisationEntry::code).collect(Collectors.toSet());
        String code;
        int n = all.size() + 1;
        do {
            code = part.codePrefix() + n++;
        } while (codes.contains(code));
        int sortOrder = all.stream().mapToInt(OrganisationEntry::sortOrder).max().orElse(0) + 1;
        T saved = part.save(part.build(tenant, null, code, v.name(), v.shortName(), sortOrder, true));
        audit.record(tenant, actor, part.created(), part.entity() + ":" + saved.id(),
                describe(saved) + (source == null ? "" : ", source=" + source), clientIp);
        return saved;
    }

    private <T extends OrganisationEntry> T update(Part<T> part, Actor actor, long id, PartInput in,
                                                   @Nullable String clientIp) {
        String tenant = actor.bureau();
        lock(tenant);
        T old = part.find(tenant, id).orElseThrow(() -> ApiProblem.notFound(part.entity(), id));
        Valid v = validate(in, false, "name");
        List<T> all = part.all(tenant);
        String name = v.name() == null ? old.name() : v.name();
        if (v.name() != null) {
            requireUniqueName(all, name, id, "name");
        }
        String shortName = in.shortName() == null ? old.shortName() : v.shortName();
        boolean active = in.active() == null ? old.active() : in.active();
        if (in.sortOrder() != null && (in.sortOrder() < 1 || in.sortOrder() > all.size())) {
            throw ApiProblem.badField("sortOrder", "org.sort-order.range", all.size());
        }
        T changed = part.build(tenant, id, old.code(), name, shortName, old.sortOrder(), active);
        List<String> changes = new ArrayList<>();
        diff(changes, "name", old.name(), name);
        diff(changes, "shortName", old.shortName(), shortName);
        diff(changes, "active", old.active(), active);
        if (!changes.isEmpty()) {
            part.update(changed);
        }
        if (in.sortOrder() != null) {
            List<Long> ids = new ArrayList<>(sorted(all).stream().map(OrganisationEntry::id).toList());
            int before = ids.indexOf(id) + 1;
            if (before != in.sortOrder()) {
                ids.remove(Long.valueOf(id));
                ids.add(in.sortOrder() - 1, id);
                renumber(part, tenant, ids);
                changes.add("sortOrder: " + before + " → " + in.sortOrder());
            }
        }
        if (changes.isEmpty()) {
            return old;
        }
        audit.record(tenant, actor.auditName(), part.updated(), part.entity() + ":" + id,
                old.code() + " " + String.join(", ", changes), clientIp);
        return part.find(tenant, id).orElseThrow();
    }

    private <T extends OrganisationEntry> Void delete(Part<T> part, Actor actor, long id, Locale locale,
                                                      @Nullable String clientIp) {
        String tenant = actor.bureau();
        lock(tenant);
        T old = part.find(tenant, id).orElseThrow(() -> ApiProblem.notFound(part.entity(), id));
        Map<String, Long> uses = references.uses(part.table(), tenant, id);
        if (!uses.isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "org.delete.in-use", new Messages.Key("entity." + part.entity()),
                    old.name(), new Messages.Bilingual(OrganisationReferences.describe(uses, Messages.CHINESE),
                            OrganisationReferences.describe(uses, Locale.ENGLISH)));
        }
        part.delete(old);
        audit.record(tenant, actor.auditName(), part.deleted(), part.entity() + ":" + id, describe(old),
                clientIp);
        return null;
    }

    private <T extends OrganisationEntry> List<T> order(Part<T> part, Actor actor, OrderInput in,
                                                        @Nullable String clientIp) {
        String tenant = actor.bureau();
        lock(tenant);
        if (in == null || in.ids() == null || in.ids().isEmpty()) {
            throw ApiProblem.badField("ids", "field.required");
        }
        List<T> all = sorted(part.all(tenant));
        Set<Long> known = all.stream().map(OrganisationEntry::id).collect(Collectors.toSet());
        Set<Long> listed = new LinkedHashSet<>();
        for (Long id : in.ids()) {
            if (id == null || !known.contains(id)) {
                throw ApiProblem.badField("ids", "org.order.unknown", String.valueOf(id));
            }
            if (!listed.add(id)) {
                throw ApiProblem.badField("ids", "field.duplicate", id);
            }
        }
        List<Long> ids = new ArrayList<>(listed);
        all.stream().map(OrganisationEntry::id).filter(id -> !listed.contains(id)).forEach(ids::add);
        List<Long> before = all.stream().map(OrganisationEntry::id).toList();
        if (!before.equals(ids) || !numbered(all)) {
            renumber(part, tenant, ids);
            Map<Long, String> names = all.stream().collect(Collectors.toMap(OrganisationEntry::id, OrganisationEntry::name));
            audit.record(tenant, actor.auditName(), part.reordered(), part.entity() + "s",
                    before.stream().map(names::get).collect(Collectors.joining("、")) + " → "
                            + ids.stream().map(names::get).collect(Collectors.joining("、")), clientIp);
        }
        return sorted(part.all(tenant));
    }

    private static boolean numbered(List<? extends OrganisationEntry> sorted) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).sortOrder() != i + 1) {
                return false;
            }
        }
        return true;
    }

    private <T extends OrganisationEntry> void renumber(Part<T> part, String tenant, List<Long> ids) {
        Map<Long, T> byId = new HashMap<>();
        part.all(tenant).forEach(t -> byId.put(t.id(), t));
        for (int i = 0; i < ids.size(); i++) {
            T t = byId.get(ids.get(i));
            if (t.sortOrder() != i + 1) {
                part.update(part.build(tenant, t.id(), t.code(), t.name(), t.shortName(), i + 1, t.active()));
            }
        }
    }

    private static <T extends OrganisationEntry> List<T> sorted(List<T> all) {
        return all.stream().sorted(Comparator.comparingInt(OrganisationEntry::sortOrder)
                .thenComparing(OrganisationEntry::id)).toList();
    }

    private static void requireUniqueName(List<? extends OrganisationEntry> all, String name, @Nullable Long except,
                                          String field) {
        String wanted = key(name);
        for (OrganisationEntry t : all) {
            if (!Objects.equals(t.id(), except) && key(t.name()).equals(wanted)) {
                throw ApiProblem.badField(field, "org.name.duplicate", name, t.name());
            }
        }
    }

    private record Valid(@Nullable String name, @Nullable String shortName) {
    }

    private static Valid validate(PartInput in, boolean creating, String nameField) {
        if (in == null) {
            throw ApiProblem.badField(nameField, "field.required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null ? null : in.name().strip();
        if (name == null ? creating : name.isEmpty()) {
            errors.add(new FieldError(nameField, "field.required"));
        } else if (name != null && name.length() > MAX_NAME) {
            errors.add(new FieldError(nameField, "org.name.long", MAX_NAME));
        }
        String shortName = in.shortName() == null || in.shortName().isBlank() ? null : in.shortName().strip();
        if (shortName != null && shortName.length() > MAX_SHORT_NAME) {
            errors.add(new FieldError("shortName", "org.name.long", MAX_SHORT_NAME));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "problem.invalid.detail");
        }
        return new Valid(name, shortName);
    }

    private static void diff(List<String> out, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(field + ": " + before + " → " + after);
        }
    }

    private static String describe(OrganisationEntry t) {
        return t.code() + " " + t.name() + (t.shortName() == null ? "" : " (" + t.shortName() + ")");
    }

    private static AliasView view(NameAlias a, Map<Long, String> names) {
        return new AliasView(a.id(), a.kind(), a.name(), a.targetId(), names.getOrDefault(a.targetId(), ""),
                a.createdBy());
    }

    /** One organisation change at a time per bureau: names stay unique and orders whole. */
    private void lock(String tenant) {
        tx.withConnection(tenant, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "organisation:" + tenant);
                ps.execute();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.BUREAU_ADMIN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "problem.status.403.detail");
        }
    }

    /** What differs between units and departments, for the shared work above. */
    private interface Part<T extends OrganisationEntry> {
        String entity();

        String table();

        String codePrefix();

        AuditAction created();

        AuditAction updated();

        AuditAction deleted();

        AuditAction reordered();

        List<T> all(String tenant);

        Optional<T> find(String tenant, long id);

        T build(String tenant, @Nullable Long id, String code, String name, @Nullable String shortName, int sortOrder,
                boolean active);

        T save(T t);

        void update(T t);

        void delete(T t);

    }

    private final class UnitPart implements Part<Unit> {
        public String entity() {
            return "unit";
        }

        public String table() {
            return "unit";
        }

        public String codePrefix() {
            return "u-";
        }

        public AuditAction created() {
            return AuditAction.UNIT_CREATED;
        }

        public AuditAction updated() {
            return AuditAction.UNIT_UPDATED;
        }

        public AuditAction deleted() {
            return AuditAction.UNIT_DELETED;
        }

        public AuditAction reordered() {
            return AuditAction.UNITS_REORDERED;
        }

        public List<Unit> all(String tenant) {
            return units.findByTenantIdOrderBySortOrder(tenant);
        }

        public Optional<Unit> find(String tenant, long id) {
            return units.findByTenantIdAndId(tenant, id);
        }

        public Unit build(String tenant, Long id, String code, String name, String shortName, int sortOrder,
                          boolean active) {
            return new Unit(id, tenant, code, name, shortName, sortOrder, active);
        }

        public Unit save(Unit u) {
            return units.save(u);
        }

        public void update(Unit u) {
            units.update(u);
        }

        public void delete(Unit u) {
            units.delete(u);
        }
    }

    private final class DepartmentPart implements Part<Department> {
        public String entity() {
            return "department";
        }

        public String table() {
            return "department";
        }

        public String codePrefix() {
            return "d-";
        }

        public AuditAction created() {
            return AuditAction.DEPARTMENT_CREATED;
        }

        public AuditAction updated() {
            return AuditAction.DEPARTMENT_UPDATED;
        }

        public AuditAction deleted() {
            return AuditAction.DEPARTMENT_DELETED;
        }

        public AuditAction reordered() {
            return AuditAction.DEPARTMENTS_REORDERED;
        }

        public List<Department> all(String tenant) {
            return departments.findByTenantIdOrderBySortOrder(tenant);
        }

        public Optional<Department> find(String tenant, long id) {
            return departments.findByTenantIdAndId(tenant, id);
        }

        public Department build(String tenant, Long id, String code, String name, String shortName, int sortOrder,
                                boolean active) {
            return new Department(id, tenant, code, name, shortName, sortOrder, active);
        }

        public Department save(Department d) {
            return departments.save(d);
        }

        public void update(Department d) {
            departments.update(d);
        }

        public void delete(Department d) {
            departments.delete(d);
        }
    }
}
