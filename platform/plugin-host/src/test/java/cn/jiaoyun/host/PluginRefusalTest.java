package cn.jiaoyun.host;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.plugins.PluginJarBuilder;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad upload is refused with a reason that names the file or module, and leaves
 * nothing behind: no registry row, no table, no tracking table, no loaded plugin; the refusal
 * is audited and the server keeps serving.
 */
@JiaoyunTest
@Property(name = "jiaoyun.plugins.max-jar-mb", value = "1")
@Property(name = "jiaoyun.plugins.max-entries", value = "500")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginRefusalTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    cn.jiaoyun.core.tenancy.SchemaMigrator migrator;
    @Inject
    PluginRuntime runtime;

    ApiSession platform;
    Set<String> tablesBefore;

    @BeforeAll
    void login() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
    }

    @BeforeEach
    void snapshot() throws SQLException {
        tablesBefore = tables();
    }

    @AfterEach
    void nothingLeftBehind() throws SQLException {
        assertThat(tables()).as("tables after a refused upload").isEqualTo(tablesBefore);
        assertThat(count("select count(*) from plugin_module")).as("registry rows").isZero();
        assertThat(runtime.all()).as("modules serving").isEmpty();
        assertThat(platform.get("/api/me").code()).as("the server keeps serving").isEqualTo(200);
    }

    private String refused(String fileName, byte[] bytes, int status) {
        HttpResponse<Map<String, Object>> r = platform.upload("/api/admin/plugins", fileName, bytes, Map.of());
        assertThat(r.code()).as("%s", r.body()).isEqualTo(status);
        return (String) r.body().get("detail");
    }

    @Test
    void notAJar() {
        assertThat(refused("readme.txt", PluginJarBuilder.notAJar(), 422)).contains("readme.txt").contains("不是 jar");
    }

    @Test
    void noManifest() {
        byte[] jar = NotesModules.notes("1.0.0").withoutManifest().buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("notes.jar").contains("MANIFEST.MF");
    }

    @Test
    void manifestWithoutPluginId() {
        byte[] jar = NotesModules.notes("1.0.0").withoutManifestAttribute("Plugin-Id").buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("Plugin-Id");
    }

    @Test
    void versionThatIsNotSemantic() {
        byte[] jar = NotesModules.notes("1.0.0").manifestAttribute("Plugin-Version", "first").buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("Plugin-Version").contains("first");
    }

    @Test
    void incompatiblePlatformVersion() {
        byte[] jar = NotesModules.notes("1.0.0").requires(">=99.0.0").buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("notes").contains(">=99.0.0").contains("0.1.0");
    }

    @Test
    void missingDependency() {
        byte[] jar = NotesModules.notes("1.0.0").dependencies("rural-roads@>=1.0.0").buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("rural-roads");
    }

    @Test
    void failingChangelogRollsBackEveryChangeSet() throws SQLException {
        byte[] jar = NotesModules.notes("1.0.0", "", "", "  <include file=\"002-broken.sql\" relativeToChangelogFile=\"true\"/>")
                .resource("db/notes/002-broken.sql", """
                        --liquibase formatted sql
                        --changeset notes:002-broken
                        create tabel demo_broken (id int);
                        """)
                .buildBytes();
        String detail = refused("notes.jar", jar, 422);
        assertThat(detail).contains("notes").contains("回滚").contains("tabel");
        assertThat(tables()).as("the first change set's table is rolled back too").doesNotContain("demo_note");
    }

    @Test
    void tableBreakingTheTenancyRulesIsRolledBack() {
        byte[] jar = NotesModules.notes("1.0.0", "", "", "  <include file=\"002-leaky.sql\" relativeToChangelogFile=\"true\"/>")
                .resource("db/notes/002-leaky.sql", """
                        --liquibase formatted sql
                        --changeset notes:002-leaky
                        create table demo_leaky (tenant_id text not null, id int, primary key (tenant_id, id));
                        grant select on demo_leaky to ${app_role};
                        """)
                .buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("demo_leaky").contains("row-level security");
    }

    @Test
    void referenceTableWritableByTheApplicationIsRefused() {
        byte[] jar = PluginJarBuilder.plugin("limits", "1.0.0")
                .javaSource("demo.limits.LimitsModule", """
                        package demo.limits;
                        @org.pf4j.Extension
                        public class LimitsModule implements cn.jiaoyun.plugin.api.JiaoyunModule {
                            @Override
                            public java.util.Set<String> referenceTables() {
                                return java.util.Set.of("demo_limit");
                            }
                        }
                        """)
                .extension("demo.limits.LimitsModule")
                .resource("db/limits/changelog.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                          <changeSet id="1" author="limits">
                            <sql>create table demo_limit (axles int primary key, kg int not null)</sql>
                            <sql>grant select, update on demo_limit to ${app_role}</sql>
                          </changeSet>
                        </databaseChangeLog>
                        """)
                .buildBytes();
        assertThat(refused("limits.jar", jar, 422)).contains("demo_limit").contains("UPDATE");
    }

    @Test
    void oversizedJar() {
        byte[] jar = NotesModules.notes("1.0.0").resource("big.bin", randomBytes(1_200_000)).buildBytes();
        assertThat(refused("notes.jar", jar, 413)).contains("notes.jar").contains("1 MB");
    }

    @Test
    void zipBomb() {
        byte[] bomb = PluginJarBuilder.zipBomb("notes", "1.0.0", 300L * 1024 * 1024);
        assertThat(refused("bomb.jar", bomb, 422)).contains("bomb.jar").contains("压缩炸弹");
    }

    @Test
    void tooManyEntries() {
        byte[] jar = PluginJarBuilder.manyEntries("notes", "1.0.0", 600);
        assertThat(refused("many.jar", jar, 422)).contains("many.jar");
    }

    @Test
    void jarBringingItsOwnPluginApi() {
        byte[] jar = NotesModules.notes("1.0.0")
                .resource("cn/jiaoyun/plugin/api/JiaoyunModule.class", new byte[] {(byte) 0xCA, (byte) 0xFE})
                .buildBytes();
        assertThat(refused("notes.jar", jar, 422)).contains("cn/jiaoyun/plugin/api/JiaoyunModule.class");
    }

    @Test
    void jarWithoutEntryPoint() {
        byte[] jar = PluginJarBuilder.plugin("empty", "1.0.0").resource("readme.txt", "nothing here").buildBytes();
        assertThat(refused("empty.jar", jar, 422)).contains("empty.jar").contains("JiaoyunModule");
    }

    @Test
    void refusalsAreAudited() {
        refused("readme.txt", PluginJarBuilder.notAJar(), 422);
        HttpResponse<Object> audit = platform.getAny("/api/platform/audit");
        assertThat(audit.body().toString()).contains("MODULE_REFUSED").contains("readme.txt");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(7).nextBytes(b);
        return b;
    }

    private Set<String> tables() throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = migrator.ownerDataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select tablename from pg_tables where schemaname = 'public'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = migrator.ownerDataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
