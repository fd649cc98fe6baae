package cn.jiaoyun.host;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.bureau.Bureau;
import cn.jiaoyun.core.bureau.BureauModuleRepository;
import cn.jiaoyun.core.bureau.BureauRepository;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.plugin.api.BureauRef;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which modules each bureau uses. A bureau may enable a module only while it is installed and
 * active on the platform; a module that is removed or failed stays enabled but inactive, and
 * serves again when it returns.
 */
@Singleton
public class BureauModules {

    /** One module as a bureau sees it. */
    @Serdeable
    public record Availability(String id, String version, InstalledModule.State state, boolean enabled) {
    }

    private final TenantTransactions tx;
    private final BureauRepository bureaus;
    private final BureauModuleRepository modules;
    private final PluginStore store;
    private final AuditLog audit;

    public BureauModules(TenantTransactions tx, BureauRepository bureaus, BureauModuleRepository modules,
                         PluginStore store, AuditLog audit) {
        this.tx = tx;
        this.bureaus = bureaus;
        this.modules = modules;
        this.store = store;
        this.audit = audit;
    }

    /** The bureau as modules see it; 404 for an unknown code. */
    public BureauRef bureau(String code) {
        Bureau b = tx.onPlatform(() -> bureaus.findById(code))
                .orElseThrow(() -> ApiProblem.notFound("bureau", code));
        return new BureauRef(b.id(), b.name(), b.regionCode());
    }

    /** The module ids the bureau has enabled (whether or not they are installed). */
    public Set<String> enabled(String code) {
        return Set.copyOf(tx.readInBureau(code, () -> modules.findModuleIds(code)));
    }

    public boolean isEnabled(String code, String moduleId) {
        return enabled(code).contains(moduleId);
    }

    /** Every installed module with whether the bureau has it on. */
    public List<Availability> availability(String code) {
        bureau(code);
        Set<String> on = enabled(code);
        List<Availability> out = new ArrayList<>();
        for (InstalledModule m : store.list()) {
            if (m.state() != InstalledModule.State.REMOVED) {
                out.add(new Availability(m.id(), m.version(), m.state(), on.contains(m.id())));
            }
        }
        return out;
    }

    /** For each module, the bureaus that enabled it (for platform administrators). */
    public Map<String, List<String>> enabledByModule() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Bureau b : tx.onPlatform(bureaus::findAll)) {
            for (String id : enabled(b.id())) {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(b.id());
            }
        }
        return out;
    }

    public void enable(String code, String moduleId, String actor) {
        bureau(code);
        InstalledModule m = store.find(moduleId).filter(x -> x.state() == InstalledModule.State.ACTIVE)
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "problem.plugin.not-available", moduleId));
        tx.inBureau(code, () -> {
            if (!modules.findModuleIds(code).contains(moduleId)) {
                modules.enable(code, moduleId);
                audit.record(code, actor, AuditAction.MODULE_ENABLED, "module:" + moduleId, "version=" + m.version(), null);
            }
            return null;
        });
    }

    public void disable(String code, String moduleId, String actor) {
        bureau(code);
        tx.inBureau(code, () -> {
            if (modules.findModuleIds(code).contains(moduleId)) {
                modules.disable(code, moduleId);
                audit.record(code, actor, AuditAction.MODULE_DISABLED, "module:" + moduleId, null, null);
            }
            return null;
        });
    }
}
