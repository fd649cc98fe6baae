package cn.jiaoyun.host;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One bureau cannot see or change another's rows in a module's tables, through the API or in the database. */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginIsolationTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    ApiSession platform;
    ApiSession shaoxing;
    ApiSession zhuji;
    long shaoxingNote;

    @BeforeAll
    void installAndWrite() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(platform.upload("/api/admin/plugins", "notes.jar", NotesModules.notes("1.0.0").buildBytes(), Map.of())
                .code()).isEqualTo(201);
        shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
        zhuji.put("/api/tenants/zhuji/modules/notes", Map.of());
        shaoxingNote = ((Number) shaoxing.post("/api/modules/notes/notes", Map.of("body", "绍兴内部事项")).body().get("id")).longValue();
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/notes?purge=true");
    }

    @Test
    void anotherBureauSeesNoneOfTheRowsThroughTheModule() {
        assertThat((List<?>) zhuji.getAny("/api/modules/notes/notes").body()).isEmpty();
        assertThat(zhuji.get("/api/modules/notes/notes/" + shaoxingNote).code()).isEqualTo(404);
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).hasSize(1);
    }

    @Test
    void aBureauThatDidNotEnableTheModuleIsRefused() {
        ApiSession liuyang = ApiSession.demo(client, "liuyang", "admin");
        HttpResponse<Map<String, Object>> r = liuyang.get("/api/modules/notes/notes");
        assertThat(r.code()).isEqualTo(404);
        assertThat((String) r.body().get("detail")).contains("未启用");
    }

    @Test
    void aBureauCannotSwitchModulesForAnother() {
        assertThat(zhuji.put("/api/tenants/liuyang/modules/notes", Map.of()).code()).isEqualTo(404);
        assertThat(zhuji.delete("/api/tenants/shaoxing/modules/notes").code()).isEqualTo(404);
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(200);
        ApiSession reporter = ApiSession.demo(client, "zhuji", "reporter");
        assertThat(reporter.delete("/api/tenants/zhuji/modules/notes").code()).isEqualTo(403);
    }

    @Test
    void rolesDeclaredByAnEndpointAreEnforced() {
        assertThat(ApiSession.demo(client, "shaoxing", "reporter").get("/api/modules/notes/admin-only").code()).isEqualTo(403);
        assertThat(shaoxing.get("/api/modules/notes/admin-only").code()).isEqualTo(200);
    }

    @Test
    void platformAccountsAndStrangersGetNoBureauData() {
        assertThat(platform.get("/api/modules/notes/notes").code()).isEqualTo(403);
        assertThat(ApiSession.send(client.toBlocking(), io.micronaut.http.HttpRequest.GET("/api/modules/notes/notes")).code())
                .isEqualTo(401);
    }

    @Test
    void theDatabaseRefusesWhenCodeForgets() {
        long visibleToZhuji = tx.withConnection("zhuji", true, c -> count(c, "select count(*) from demo_note"));
        assertThat(visibleToZhuji).isZero();
        long visibleWithoutBureau = tx.withConnection("", true, c -> count(c, "select count(*) from demo_note"));
        assertThat(visibleWithoutBureau).isZero();
        assertThatThrownBy(() -> tx.withConnection("zhuji", false, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into demo_note (tenant_id, body) values ('shaoxing', 'smuggled')")) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasStackTraceContaining("row-level security");
        long updated = tx.withConnection("zhuji", false, c -> {
            try (PreparedStatement ps = c.prepareStatement("update demo_note set body = 'changed'")) {
                return (long) ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(updated).isZero();
    }

    @Test
    void publishedIndicatorValuesBelongToTheirBureau() {
        long shaoxingValues = tx.withConnection("shaoxing", true,
                c -> count(c, "select count(*) from indicator_value where indicator_code = 'notes.count'"));
        long zhujiValues = tx.withConnection("zhuji", true,
                c -> count(c, "select count(*) from indicator_value where indicator_code = 'notes.count'"));
        assertThat(shaoxingValues).isEqualTo(1);
        assertThat(zhujiValues).isZero();
        long catalog = tx.withConnection("", true,
                c -> count(c, "select count(*) from indicator where code = 'notes.count' and module_id = 'notes'"));
        assertThat(catalog).as("the module's indicator is in the core catalog").isEqualTo(1);
    }

    private static long count(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
