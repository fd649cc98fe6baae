package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;

/** Reading a bureau's registry entry and organisation. */
@Singleton
public class BureauService {

    /** A bureau as its own staff see it. */
    @Serdeable
    public record BureauProfile(Bureau bureau, List<String> modules, int units, int departments) {
    }

    /** What the login page shows of a bureau. */
    @Serdeable
    public record BureauChoice(String code, String name) {
    }

    private final TenantTransactions tx;
    private final BureauRepository bureaus;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final BureauModuleRepository modules;

    public BureauService(TenantTransactions tx, BureauRepository bureaus, UnitRepository units,
                         DepartmentRepository departments, BureauModuleRepository modules) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.units = units;
        this.departments = departments;
        this.modules = modules;
    }

    /** Active bureaus, for choosing one at login. */
    public List<BureauChoice> choices() {
        return tx.onPlatform(() -> bureaus.findByStatusOrderById(Bureau.ACTIVE).stream()
                .map(b -> new BureauChoice(b.id(), b.name())).toList());
    }

    /** Every bureau of the registry (platform administrators). */
    public List<Bureau> all() {
        return tx.onPlatform(bureaus::findAllOrderById);
    }

    /** One registry entry (platform administrators); no business data. */
    public Bureau registryEntry(String code) {
        return tx.onPlatform(() -> bureaus.findById(code)).orElseThrow(() -> ApiProblem.notFound("bureau", code));
    }

    public BureauProfile profile(String tenantId) {
        return tx.readInBureau(tenantId, () -> new BureauProfile(
                bureaus.findById(tenantId).orElseThrow(() -> ApiProblem.notFound("bureau", tenantId)),
                modules.findModuleIds(tenantId),
                units.findByTenantIdOrderBySortOrder(tenantId).size(),
                departments.findByTenantIdOrderBySortOrder(tenantId).size()));
    }

    public List<Unit> units(String tenantId) {
        return tx.readInBureau(tenantId, () -> units.findByTenantIdOrderBySortOrder(tenantId));
    }

    public Unit unit(String tenantId, long id) {
        return tx.readInBureau(tenantId, () -> units.findByTenantIdAndId(tenantId, id))
                .orElseThrow(() -> ApiProblem.notFound("unit", id));
    }

    public List<Department> departments(String tenantId) {
        return tx.readInBureau(tenantId, () -> departments.findByTenantIdOrderBySortOrder(tenantId));
    }

    public Department department(String tenantId, long id) {
        return tx.readInBureau(tenantId, () -> departments.findByTenantIdAndId(tenantId, id))
                .orElseThrow(() -> ApiProblem.notFound("department", id));
    }
}
