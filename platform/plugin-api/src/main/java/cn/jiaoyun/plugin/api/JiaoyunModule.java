package cn.jiaoyun.plugin.api;

import org.pf4j.ExtensionPoint;

import java.util.List;
import java.util.Set;

/**
 * The entry point of a plugin module: exactly one class per plugin jar implements it and is
 * annotated with PF4J's {@code @Extension}. It needs a public no-argument constructor.
 *
 * <p>Lifecycle, on every node of a cluster: the host creates the instance, calls
 * {@link #start(ModuleContext)}, then reads the contributions once and serves them until it calls
 * {@link #stop()} (module removed, upgraded, or failed). An exception from {@code start} or from
 * any contribution marks the module FAILED with that reason; the platform and other modules keep
 * serving. {@link #referenceTables()} and {@link #indicators()} are read at install, before
 * {@code start}, and must not need the context; endpoints, views, importers and cards are read
 * after {@code start}, so they may close over it.
 *
 * <p>Schema: the host runs {@code db/<module-id>/changelog.xml} from the jar, if present, as the
 * database owner before the module starts, tracked in the module's own table. Every table it
 * creates must be bureau-owned (a {@code tenant_id} column and the policies set by
 * {@code select app_apply_tenant_policies('table')}) unless it is named in
 * {@link #referenceTables()}. The changelog receives {@code ${app_role}}, the role to grant to.
 * Migrations must keep the previous version of the module working: during an upgrade the old
 * version serves until the new one starts.
 */
public interface JiaoyunModule extends ExtensionPoint {

    /** Called once before any contribution is read. Keep the context for later use. */
    default void start(ModuleContext context) {
    }

    /** Called once when the module stops serving; release threads and resources here. */
    default void stop() {
    }

    /**
     * Tables without {@code tenant_id} that hold shared reference data (legal limits, code
     * lists). Every bureau may read them; the application role must not be granted any write on
     * them: only migrations change them, so they are versioned with the module.
     */
    default Set<String> referenceTables() {
        return Set.of();
    }

    /** Indicators the module publishes into the core catalog. */
    default List<IndicatorDefinition> indicators() {
        return List.of();
    }

    /** REST endpoints, mounted under {@code /api/modules/<module-id>/}. */
    default List<Endpoint> endpoints() {
        return List.of();
    }

    /** Pages, registered as routes under {@code modules/<module-id>/}. */
    default List<ViewContribution> views() {
        return List.of();
    }

    /** File importers, mounted at {@code POST /api/modules/<module-id>/imports/<name>}. */
    default List<Importer> importers() {
        return List.of();
    }

    /** Cards for the home page of bureaus that enabled the module. */
    default List<DashboardCard> dashboardCards() {
        return List.of();
    }
}
