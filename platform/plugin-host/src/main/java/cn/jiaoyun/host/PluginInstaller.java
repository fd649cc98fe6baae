package cn.jiaoyun.host;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.tenancy.SchemaMigrator;
import cn.jiaoyun.core.tenancy.TenancyRules;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import com.github.zafarkhaja.semver.Version;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Installs, upgrades and removes modules on the running platform. An install or upgrade is one
 * owner transaction: the module's migrations, the tenancy check of the resulting schema, its
 * indicators and its registry row (with the jar) commit together or not at all, and the commit
 * tells every node. Only then does the module start, here and on the other nodes.
 */
@Singleton
public class PluginInstaller {

    /** Serialises installs across the cluster (a transaction-scoped advisory lock). */
    private static final long INSTALL_LOCK = 0x6a69616f79756eL;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PluginInstaller.class);

    private final JarInspector inspector;
    private final PluginStore store;
    private final PluginRuntime runtime;
    private final SchemaMigrator migrator;
    private final PluginSettings settings;
    private final AuditLog audit;

    public PluginInstaller(JarInspector inspector, PluginStore store, PluginRuntime runtime, SchemaMigrator migrator,
                           PluginSettings settings, AuditLog audit) {
        this.inspector = inspector;
        this.store = store;
        this.runtime = runtime;
        this.migrator = migrator;
        this.settings = settings;
        this.audit = audit;
    }

    /** Installs a module that is not installed (or was removed, keeping its data). */
    public InstalledModule install(String fileName, byte[] bytes, String actor) {
        return apply(fileName, bytes, null, actor);
    }

    /** Replaces the running version of {@code id} with a newer one. */
    public InstalledModule upgrade(String id, String fileName, byte[] bytes, String actor) {
        return apply(fileName, bytes, id, actor);
    }

    private InstalledModule apply(String fileName, byte[] bytes, String upgradeOf, String actor) {
        PluginJar jar;
        try {
            jar = inspector.inspect(fileName, bytes);
            if (upgradeOf != null && !upgradeOf.equals(jar.id())) {
                throw JarInspector.refuse("problem.plugin.id-mismatch", jar.id(), upgradeOf);
            }
            checkCompatible(jar);
            checkDependencies(jar);
        } catch (ApiProblem refused) {
            audit.recordPlatform(actor, AuditAction.MODULE_REFUSED, "file:" + fileName, refused.fullDetail(cn.jiaoyun.core.web.Messages.CHINESE), null);
            throw refused;
        }
        Path file = null;
        try {
            file = Files.createTempFile(settings.cacheDirectory(), "install-", ".jar");
            Files.write(file, jar.bytes());
            boolean upgraded;
            URL[] url = {file.toUri().toURL()};
            try (URLClassLoader loader = new URLClassLoader(url, getClass().getClassLoader());
                 URLClassLoader jarOnly = new URLClassLoader(url, null)) {
                JiaoyunModule probe = probe(jar, loader);
                upgraded = commit(jar, jarOnly, probe, upgradeOf != null, actor);
            }
            audit.recordPlatform(actor, upgraded ? AuditAction.MODULE_UPGRADED : AuditAction.MODULE_INSTALLED,
                    "module:" + jar.id(), "version=" + jar.version() + ", sha256=" + jar.sha256()
                            + (jar.signedBy() == null ? "" : ", signed by " + jar.signedBy()), null);
        } catch (ApiProblem refused) {
            audit.recordPlatform(actor, AuditAction.MODULE_REFUSED, "module:" + jar.id(), refused.fullDetail(cn.jiaoyun.core.web.Messages.CHINESE), null);
            throw refused;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stage the module jar: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
        runtime.reconcile();
        return store.find(jar.id()).orElseThrow();
    }

    private void checkCompatible(PluginJar jar) {
        if (jar.requires() == null || jar.requires().equals("*")) {
            return;
        }
        Version platform = Version.parse(settings.platformVersion()).toStableVersion();
        boolean ok;
        try {
            ok = platform.satisfies(jar.requires());
        } catch (RuntimeException e) {
            throw JarInspector.refuse("problem.plugin.manifest-attribute", jar.fileName(), "Plugin-Requires",
                    "'" + jar.requires() + "' is not a version range");
        }
        if (!ok) {
            throw JarInspector.refuse("problem.plugin.incompatible", jar.id(), jar.version(), jar.requires(),
                    platform.toString());
        }
    }

    private void checkDependencies(PluginJar jar) {
        for (PluginDependencies d : PluginDependencies.parse(jar.dependencies())) {
            if (d.optional()) {
                continue;
            }
            Optional<InstalledModule> dep = store.find(d.id());
            boolean ok = dep.isPresent() && dep.get().state() == InstalledModule.State.ACTIVE
                    && ("*".equals(d.versionExpression())
                        || Version.parse(dep.get().version()).satisfies(d.versionExpression()));
            if (!ok) {
                throw JarInspector.refuse("problem.plugin.missing-dependency", jar.id(), d.id(), d.versionExpression());
            }
        }
    }

    /** Loads the entry class in a throwaway class loader: it must be a JiaoyunModule with a no-arg constructor. */
    private JiaoyunModule probe(PluginJar jar, ClassLoader loader) {
        List<JiaoyunModule> found = new ArrayList<>();
        for (String name : jar.entryClasses()) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (JiaoyunModule.class.isAssignableFrom(type)) {
                    found.add((JiaoyunModule) type.getConstructor().newInstance());
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                throw JarInspector.refuse("problem.plugin.entry-invalid", jar.id(), name + ": " + RunningModule.describe(e));
            }
        }
        if (found.size() != 1) {
            throw JarInspector.refuse("problem.plugin.entry-invalid", jar.id(),
                    "expected one JiaoyunModule among " + jar.entryClasses() + ", found " + found.size());
        }
        JiaoyunModule module = found.get(0);
        try {
            module.indicators().forEach(i -> { });
            module.referenceTables().forEach(t -> { });
        } catch (RuntimeException e) {
            throw JarInspector.refuse("problem.plugin.entry-invalid", jar.id(), RunningModule.describe(e));
        }
        return module;
    }

    /** The owner transaction; returns whether it was an upgrade. {@code loader} sees the jar's resources only. */
    private boolean commit(PluginJar jar, ClassLoader loader, JiaoyunModule probe, boolean upgrade, String actor) {
        String changelog = "db/" + jar.id() + "/changelog.xml";
        String tracking = "plugin_" + jar.id().replace('-', '_') + "_changelog";
        try (Connection c = migrator.ownerDataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, INSTALL_LOCK);
                    ps.execute();
                }
                Optional<InstalledModule> existing = PluginStore.query(c,
                        "select " + PluginStore.COLUMNS + " from plugin_module where id = ?", jar.id()).stream().findFirst();
                boolean live = existing.isPresent() && existing.get().state() != InstalledModule.State.REMOVED;
                if (upgrade && !live) {
                    throw new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-installed", jar.id());
                }
                if (!upgrade && live) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "problem.plugin.already-installed", jar.id(),
                            existing.get().version());
                }
                if (upgrade && Version.parse(jar.version()).compareTo(Version.parse(existing.get().version())) <= 0) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "problem.plugin.not-newer", jar.id(), jar.version(),
                            existing.get().version());
                }
                Set<String> before = tables(c);
                if (loader.getResource(changelog) != null) {
                    try {
                        migrator.migrateWithin(c, changelog, loader, tracking);
                    } catch (RuntimeException e) {
                        LOG.warn("Migration of module {} {} failed; rolling back", jar.id(), jar.version(), e);
                        throw JarInspector.refuse("problem.plugin.migration-failed", jar.id(), e.getMessage());
                    }
                }
                Set<String> created = new TreeSet<>(tables(c));
                created.removeAll(before);
                created.removeIf(t -> t.equals(tracking) || t.equals(tracking + "lock"));
                Set<String> references = new HashSet<>(probe.referenceTables());
                Set<String> allReferences = new HashSet<>(references);
                allReferences.addAll(otherReferences(c, jar.id()));
                List<String> violations = new TenancyRules(migrator.appRole(), TenancyRules.CORE_PLATFORM_TABLES,
                        allReferences).violations(c);
                if (!violations.isEmpty()) {
                    throw JarInspector.refuse("problem.plugin.tenancy-violated", jar.id(),
                            String.join("; ", violations.subList(0, Math.min(5, violations.size()))));
                }
                Set<String> tables = new LinkedHashSet<>(existing.map(InstalledModule::tables).orElse(List.of()));
                tables.addAll(created);
                upsertModule(c, jar, existing.isPresent(), tables, references, actor);
                registerIndicators(c, jar.id(), probe.indicators());
                PluginStore.notifyNodes(c, jar.id());
                c.commit();
                return upgrade;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The module registry is unreachable: " + e.getMessage(), e);
        }
    }

    private static void upsertModule(Connection c, PluginJar jar, boolean exists, Set<String> tables,
                                     Set<String> references, String actor) throws SQLException {
        String sql = exists ? """
                update plugin_module set version = ?, state = 'ACTIVE', failure_reason = null, requires = ?,
                       dependencies = ?, sha256 = ?, size_bytes = ?, jar = ?, signed_by = ?, tables = ?,
                       reference_tables = ?, updated_by = ?, updated_at = now(),
                       installed_by = case when state = 'REMOVED' then ? else installed_by end,
                       installed_at = case when state = 'REMOVED' then now() else installed_at end
                where id = ?""" : """
                insert into plugin_module (version, state, requires, dependencies, sha256, size_bytes, jar, signed_by,
                       tables, reference_tables, updated_by, installed_by, id)
                values (?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            ps.setString(++i, jar.version());
            ps.setString(++i, jar.requires());
            ps.setString(++i, jar.dependencies());
            ps.setString(++i, jar.sha256());
            ps.setLong(++i, jar.size());
            ps.setBytes(++i, jar.bytes());
            ps.setString(++i, jar.signedBy());
            ps.setArray(++i, c.createArrayOf("text", tables.toArray()));
            ps.setArray(++i, c.createArrayOf("text", references.toArray()));
            ps.setString(++i, actor);
            ps.setString(++i, actor);
            ps.setString(++i, jar.id());
            ps.executeUpdate();
        }
    }

    private static void registerIndicators(Connection c, String moduleId, List<IndicatorDefinition> indicators)
            throws SQLException {
        Set<String> codes = new HashSet<>();
        for (IndicatorDefinition d : indicators) {
            codes.add(d.code());
            try (PreparedStatement ps = c.prepareStatement("select module_id from indicator where code = ?")) {
                ps.setString(1, d.code());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !moduleId.equals(rs.getString(1))) {
                        String owner = rs.getString(1);
                        throw JarInspector.refuse("problem.plugin.indicator-taken", moduleId, d.code(),
                                owner == null ? "core" : owner);
                    }
                }
            }
            PluginStore.update(c, """
                    insert into indicator (code, name_zh, name_en, unit, aggregation, direction, published, module_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                        unit = excluded.unit, aggregation = excluded.aggregation, direction = excluded.direction,
                        published = excluded.published, updated_at = now()""",
                    d.code(), d.nameZh(), d.nameEn(), d.unit(), d.aggregation().name(), d.direction().name(),
                    d.published(), moduleId);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "delete from indicator where module_id = ? and not (code = any (?))")) {
            ps.setString(1, moduleId);
            ps.setArray(2, c.createArrayOf("text", codes.toArray()));
            ps.executeUpdate();
        }
    }

    private static Set<String> otherReferences(Connection c, String id) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select unnest(reference_tables) from plugin_module where id <> ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Uninstalls: stops the module on every node; its tables and data stay unless {@code purge}. */
    public void remove(String id, boolean purge, String actor) {
        InstalledModule m = store.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-installed", id));
        if (m.state() != InstalledModule.State.REMOVED) {
            store.remove(id, actor);
            audit.recordPlatform(actor, AuditAction.MODULE_REMOVED, "module:" + id, "version=" + m.version(), null);
            runtime.reconcile();
        } else if (!purge) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-installed", id);
        }
        if (purge) {
            purge(m, actor);
        }
    }

    private void purge(InstalledModule m, String actor) {
        String tracking = "plugin_" + m.id().replace('-', '_') + "_changelog";
        try (Connection c = migrator.ownerDataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> bureaus = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select id from tenant");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bureaus.add(rs.getString(1));
                    }
                }
                for (String bureau : bureaus) {
                    PluginStore.update(c, "select set_config('app.tenant_id', ?, true)", bureau);
                    PluginStore.update(c, "delete from tenant_module where module_id = ?", m.id());
                    PluginStore.update(c, """
                            delete from indicator_value
                            where indicator_code in (select code from indicator where module_id = ?)""", m.id());
                }
                PluginStore.update(c, "select set_config('app.tenant_id', '', true)");
                for (String table : m.tables()) {
                    PluginStore.update(c, "drop table if exists " + quote(table) + " cascade");
                }
                PluginStore.update(c, "drop table if exists " + quote(tracking) + ", " + quote(tracking + "lock"));
                PluginStore.update(c, "delete from plugin_module where id = ?", m.id());
                PluginStore.notifyNodes(c, m.id());
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Purging module " + m.id() + " failed: " + e.getMessage(), e);
        }
        audit.recordPlatform(actor, AuditAction.MODULE_PURGED, "module:" + m.id(), "tables=" + m.tables(), null);
    }

    /** Puts a FAILED module back into service on every node. */
    public InstalledModule restart(String id, String actor) {
        InstalledModule m = store.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "problem.plugin.not-installed", id));
        if (store.reactivate(id, actor)) {
            audit.recordPlatform(actor, AuditAction.MODULE_RESTARTED, "module:" + id, "version=" + m.version(), null);
            runtime.reconcile();
        }
        return store.find(id).orElseThrow();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a staging file in our own cache directory
            }
        }
    }
}
