package cn.jiaoyun.core.tenancy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Migrates the platform schema as the owner role when the server starts, before any bean uses
 * the database, and refuses to start when the result breaks the tenancy rules.
 */
@Context
public class SchemaMigrator {

    /** The platform's own changelog; plugins bring theirs under {@code db/<plugin-id>/}. */
    public static final String CORE_CHANGELOG = "db/core/changelog.xml";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    /** Liquibase logs every step through java.util.logging; only its warnings matter to an operator. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final DataSource owner;
    private final String appRole;

    public SchemaMigrator(@Named("owner") DataSource owner,
                          @Value("${datasources.default.username}") String appRole) {
        this.owner = DelegatingDataSource.unwrapDataSource(owner);
        this.appRole = appRole;
        migrate(CORE_CHANGELOG, getClass().getClassLoader(), "databasechangelog");
        List<String> violations = check(TenancyRules.CORE_PLATFORM_TABLES, installedReferenceTables());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The schema breaks the tenancy rules: " + violations);
        }
    }

    /** The application's login role, to which migrations grant their privileges. */
    public String appRole() {
        return appRole;
    }

    /**
     * Runs a changelog found through {@code loader} as the owner role, tracked in its own table
     * (so that plugins' histories never mix with the platform's).
     */
    public void migrate(String changelog, ClassLoader loader, String trackingTable) {
        long t0 = System.nanoTime();
        try (Connection c = owner.getConnection()) {
            update(c, changelog, loader, trackingTable);
        } catch (Exception e) {
            throw new IllegalStateException("Migration of " + changelog + " failed: " + rootMessage(e), e);
        }
        LOG.info("Schema {} is up to date ({} ms)", changelog, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Runs a changelog inside the caller's open transaction on an owner connection: Liquibase's
     * commits are withheld, so that the caller can inspect the result and then commit or roll
     * back every change at once (PostgreSQL's DDL is transactional). Returns normally only if
     * every change set ran; the caller must roll back on an exception.
     *
     * @param resources finds the changelog: for a plugin, a class loader over its jar alone, so
     *                  that no copy elsewhere on the class path is found as well
     */
    public void migrateWithin(Connection ownerTransaction, String changelog, ClassLoader resources, String trackingTable) {
        try {
            ownerTransaction.setAutoCommit(false);
            update(WithheldCommits.wrap(ownerTransaction), changelog, resources, trackingTable);
        } catch (Exception e) {
            throw new IllegalStateException(rootMessage(e), e);
        }
    }

    /**
     * @param loader where the changelog and its files are found; Liquibase's own extensions are
     *               found through the platform's class loader
     */
    private void update(Connection c, String changelog, ClassLoader loader, String trackingTable) throws Exception {
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        db.setDatabaseChangeLogTableName(trackingTable);
        db.setDatabaseChangeLogLockTableName(trackingTable + "lock");
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), SchemaMigrator.class.getClassLoader(),
                Scope.Attr.ui.name(), new LoggerUIService());
        ChangeLogParameters parameters = new ChangeLogParameters(db);
        parameters.set("app_role", appRole);
        Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                .execute());
    }

    /** The innermost cause's message: Liquibase wraps the database's own words several times. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }

    /** The tenancy violations of the current schema, given the tables declared platform-owned. */
    public List<String> check(Set<String> platformTables) {
        return check(platformTables, Set.of());
    }

    /** The same, with the reference tables plugin modules declared. */
    public List<String> check(Set<String> platformTables, Set<String> referenceTables) {
        try (Connection c = owner.getConnection()) {
            return new TenancyRules(appRole, platformTables, referenceTables).violations(c);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /** The owner's data source, for plugin migrations that must run in one transaction. */
    public DataSource ownerDataSource() {
        return owner;
    }

    /** The reference tables of every plugin module whose tables exist (installed or removed, not purged). */
    public Set<String> installedReferenceTables() {
        try (Connection c = owner.getConnection();
             var rs = c.createStatement().executeQuery(
                     "select distinct unnest(reference_tables) from plugin_module")) {
            Set<String> out = new java.util.HashSet<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the installed modules: " + e.getMessage(), e);
        }
    }
}
