package cn.jiaoyun.core.tenancy;

import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads PostgreSQL's catalog: every bureau-owned table keeps the tenancy rules (which is also
 * what Citus needs to distribute the schema by tenant_id), and the checker does catch each kind
 * of breach.
 */
@JiaoyunTest
class TenancyCatalogTest {

    @Inject
    SchemaMigrator migrator;

    @Inject
    @Named("owner")
    DataSource ownerDataSource;

    @Test
    void everyBureauOwnedTableKeepsTheTenancyRules() {
        assertThat(migrator.check(TenancyRules.CORE_PLATFORM_TABLES)).isEmpty();
    }

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorBypassRls() throws Exception {
        try (Connection c = owner().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    select r.rolsuper, r.rolbypassrls,
                           exists (select 1 from pg_class t join pg_namespace n on n.oid = t.relnamespace
                                   where n.nspname = 'public' and t.relowner = r.oid)
                    from pg_roles r where r.rolname = '%s'""".formatted(migrator.appRole()));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
            assertThat(rs.getBoolean(3)).as("owns tables").isFalse();
        }
    }

    @Test
    void theCheckerReportsEachKindOfBreach() throws Exception {
        try (Connection c = owner().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table breach_open (tenant_id text, id bigint, note text, unique (id))");
            s.execute("grant select, insert on breach_open to " + migrator.appRole());
            s.execute("""
                    create table breach_two_reads (tenant_id text not null check (tenant_id <> ''), id bigint,
                                                   primary key (tenant_id, id))""");
            s.execute("alter table breach_two_reads enable row level security");
            s.execute("create policy a on breach_two_reads for select using (tenant_id = app_current_tenant())");
            s.execute("create policy b on breach_two_reads for select using (true)");
            s.execute("create table breach_no_tenant (id bigint primary key)");
            try {
                List<String> v = migrator.check(TenancyRules.CORE_PLATFORM_TABLES);
                assertThat(v).contains(
                        "breach_open: row-level security is not enabled",
                        "breach_open: row-level security is not forced",
                        "breach_open: tenant_id may be null",
                        "breach_open: no CHECK (tenant_id <> '')",
                        "breach_open: has no primary key",
                        "breach_open: has 0 permissive SELECT policies, not exactly one",
                        "breach_open: the application may INSERT but no policy limits it",
                        "breach_two_reads: row-level security is not forced",
                        "breach_two_reads: has 2 permissive SELECT policies, not exactly one",
                        "breach_no_tenant: has no tenant_id and is not a declared platform table");
                assertThat(v).anyMatch(x -> x.startsWith("breach_open: unique index") && x.endsWith("does not lead with tenant_id"));
            } finally {
                s.execute("drop table breach_open, breach_two_reads, breach_no_tenant");
            }
        }
        assertThat(migrator.check(TenancyRules.CORE_PLATFORM_TABLES)).isEmpty();
    }

    private DataSource owner() {
        return DelegatingDataSource.unwrapDataSource(ownerDataSource);
    }
}
