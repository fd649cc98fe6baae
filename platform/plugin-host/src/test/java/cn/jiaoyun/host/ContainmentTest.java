package cn.jiaoyun.host;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module that throws at start, or in handlers as often as the fault threshold (1 here), is
 * marked FAILED with its reason, shown to the platform administrator only; the platform and the
 * other modules keep serving; a restart brings it back. {@link FaultThresholdTest} has the threshold.
 */
@JiaoyunTest
@Property(name = "jiaoyun.plugins.fault-threshold", value = "1")
class ContainmentTest {

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession platform;
    ApiSession shaoxing;

    @BeforeEach
    void installEcho() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(platform.upload("/api/admin/plugins", "echo.jar", NotesModules.echo("1.0.0").buildBytes(), Map.of())
                .code()).isEqualTo(201);
        shaoxing.put("/api/tenants/shaoxing/modules/echo", Map.of());
    }

    @AfterEach
    void removeAll() {
        platform.delete("/api/admin/plugins/notes?purge=true");
        platform.delete("/api/admin/plugins/echo?purge=true");
    }

    @Test
    void aModuleThatThrowsAtStartIsFailedWithItsReason() {
        HttpResponse<Map<String, Object>> r = platform.upload("/api/admin/plugins", "notes.jar",
                NotesModules.notes("1.0.0", "if (context != null) throw new IllegalStateException(\"no licence file\");", "", "")
                        .buildBytes(), Map.of());
        assertThat(r.code()).isEqualTo(201);
        Map<?, ?> module = (Map<?, ?>) platform.get("/api/admin/plugins/notes").body().get("module");
        assertThat(module.get("state")).isEqualTo("FAILED");
        assertThat((String) module.get("failureReason")).contains("start").contains("no licence file");

        HttpResponse<Map<String, Object>> enable = shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
        assertThat(enable.code()).as("a failed module cannot be switched on").isEqualTo(409);
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(404);
        assertOthersKeepServing();
        assertThat(platform.getAny("/api/platform/audit").body().toString()).contains("MODULE_FAILED");
    }

    @Test
    void aHandlerThatThrowsFailsItsModuleOnlyAndARestartBringsItBack() {
        assertThat(platform.upload("/api/admin/plugins", "notes.jar", NotesModules.notes("1.0.0").buildBytes(), Map.of())
                .code()).isEqualTo(201);
        shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(200);

        HttpResponse<Map<String, Object>> boom = shaoxing.get("/api/modules/notes/boom");
        assertThat(boom.code()).isEqualTo(500);
        assertThat((String) boom.body().get("detail")).contains("notes").contains((String) boom.body().get("incident"))
                .doesNotContain("kaboom");

        Map<?, ?> module = (Map<?, ?>) platform.get("/api/admin/plugins/notes").body().get("module");
        assertThat(module.get("state")).isEqualTo("FAILED");
        assertThat((String) module.get("failureReason")).contains("IllegalStateException").contains("kaboom in a handler");
        HttpResponse<Map<String, Object>> out = shaoxing.get("/api/modules/notes/version");
        assertThat(out.code()).isEqualTo(503);
        assertThat(out.body().toString()).doesNotContain("kaboom", "IllegalStateException");
        assertOthersKeepServing();

        assertThat(platform.post("/api/admin/plugins/notes/restart", Map.of()).body()).containsEntry("state", "ACTIVE");
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(200);
    }

    @Test
    void theCallersMistakeDoesNotFailTheModule() {
        platform.upload("/api/admin/plugins", "notes.jar", NotesModules.notes("1.0.0").buildBytes(), Map.of());
        shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
        HttpResponse<Map<String, Object>> bad = shaoxing.post("/api/modules/notes/notes", Map.of("body", " "));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("笔记内容不能为空").contains("body");
        assertThat(shaoxing.get("/api/modules/notes/unknown").code()).isEqualTo(404);
        assertThat(shaoxing.get("/api/modules/notes/notes/999").code()).isEqualTo(404);
        assertThat(((Map<?, ?>) platform.get("/api/admin/plugins/notes").body().get("module")).get("state")).isEqualTo("ACTIVE");
    }

    private void assertOthersKeepServing() {
        assertThat(shaoxing.get("/api/me").code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> echo = shaoxing.get("/api/modules/echo/ping");
        assertThat(echo.code()).isEqualTo(200);
        assertThat(echo.body()).containsEntry("pong", "shaoxing");
    }
}
