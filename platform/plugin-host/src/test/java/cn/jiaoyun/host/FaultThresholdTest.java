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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's mistakes inside a module call leave the module serving; a fault of the module's
 * code answers 500 with an incident id only (the details on the platform's module page); the
 * module is taken out of service only when its faults reach the threshold, says nothing of why
 * to the bureaus, and comes back by itself after the cool-down. Threshold 3, cool-down 2 s here.
 */
@JiaoyunTest
@Property(name = "jiaoyun.plugins.fault-threshold", value = "3")
@Property(name = "jiaoyun.plugins.fault-window", value = "600")
@Property(name = "jiaoyun.plugins.fault-cooldown", value = "2")
class FaultThresholdTest {

    private static final String JSON = "application/json";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Endpoints whose SQL fails the way a bad value of the caller's makes it fail. */
    private static final String ENDPOINTS = """
            , Endpoint.post("/count", r -> ModuleResponse.ok(ctx.data().readInBureau(r.bureau(), sql -> sql.queryOne(
                    "select cast(? as integer)", rs -> rs.getInt(1), String.valueOf(r.json().get("n"))).orElseThrow())))
            , Endpoint.post("/small", r -> ModuleResponse.ok(ctx.data().readInBureau(r.bureau(), sql -> sql.queryOne(
                    "select cast(? as numeric(3, 0))", rs -> rs.getBigDecimal(1), String.valueOf(r.json().get("n")))
                    .orElseThrow())))
            , Endpoint.post("/twice", r -> ModuleResponse.ok(ctx.data().inBureau(r.bureau(), sql -> sql.update(
                    "insert into demo_note (tenant_id, id, body) values (?, -7, ?), (?, -7, ?)",
                    r.bureau().code(), "a", r.bureau().code(), "b"))))
            , Endpoint.post("/amount", r -> ModuleResponse.ok(Map.of("cents",
                    ((java.math.BigDecimal) r.json().get("amount")).movePointRight(2).longValueExact())))
            """;

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession platform;
    ApiSession shaoxing;
    ApiSession zhuji;

    @BeforeEach
    void install() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        HttpResponse<Map<String, Object>> installed = platform.upload("/api/admin/plugins", "notes.jar",
                NotesModules.notes("1.0.0", "", ENDPOINTS, "").buildBytes(), Map.of());
        assertThat(installed.code()).as("%s", installed.body()).isEqualTo(201);
        assertThat(shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of()).code()).isEqualTo(200);
        assertThat(zhuji.put("/api/tenants/zhuji/modules/notes", Map.of()).code()).isEqualTo(200);
    }

    @AfterEach
    void remove() {
        platform.delete("/api/admin/plugins/notes?purge=true");
    }

    @Test
    void theCallersMistakesInsideTheCallAreAnswered4xxAndLeaveTheModuleServing() {
        for (String body : List.of("{\"body\": ", "", "[]", "\"text\"", "{\"body\": 1e400}",
                "{\"body\": \"a\\u0000b\"}", "{\"body\": \"a\u0000b\"}", "{\"body\": {\"deep\": [1e-400]}}")) {
            HttpResponse<Map<String, Object>> r = shaoxing.raw("POST", "/api/modules/notes/notes", JSON,
                    body.getBytes(StandardCharsets.UTF_8), null);
            assertThat(r.code()).as("POST %s: %s", body, r.body()).isEqualTo(400);
            assertThat(r.body().toString()).as(body).contains("body");
        }
        HttpResponse<Map<String, Object>> english = shaoxing.raw("POST", "/api/modules/notes/notes", JSON,
                "{\"body\": ".getBytes(StandardCharsets.UTF_8), "en");
        assertThat(english.body().toString()).contains("not valid JSON");
        HttpResponse<Map<String, Object>> chinese = shaoxing.raw("POST", "/api/modules/notes/notes", JSON,
                "[]".getBytes(StandardCharsets.UTF_8), null);
        assertThat(chinese.body().toString()).contains("JSON 对象");

        assertCallers(shaoxing.post("/api/modules/notes/count", Map.of("n", "七")), 400);
        assertCallers(shaoxing.post("/api/modules/notes/small", Map.of("n", "12345")), 400);
        assertCallers(shaoxing.post("/api/modules/notes/twice", Map.of()), 409);
        assertCallers(shaoxing.post("/api/modules/notes/amount", Map.of("amount", "十二")), 400);
        assertCallers(shaoxing.upload("/api/modules/notes/imports/lines", "lines.txt",
                "甲\n乙\u0000丙\n".getBytes(StandardCharsets.UTF_8), Map.of()), 400);

        Map<String, Object> status = platform.get("/api/admin/plugins/notes").body();
        assertThat(((Map<?, ?>) status.get("module")).get("state")).isEqualTo("ACTIVE");
        assertThat((List<?>) status.get("incidents")).as("the caller's mistakes are no incidents").isEmpty();
        assertThat(zhuji.get("/api/modules/notes/version").code()).isEqualTo(200);
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).as("nothing half-written").isEmpty();
    }

    @Test
    void faultsAnswerAnIncidentIdTakeTheModuleOutOnlyAtTheThresholdAndItComesBackAfterTheCoolDown() {
        HttpResponse<Map<String, Object>> first = shaoxing.get("/api/modules/notes/boom");
        assertThat(first.code()).isEqualTo(500);
        String incident = (String) first.body().get("incident");
        assertThat(incident).matches("[a-z0-9]{8}");
        assertThat((String) first.body().get("detail")).contains(incident).contains("notes");
        assertNoDetails(first);

        Map<String, Object> status = platform.get("/api/admin/plugins/notes").body();
        assertThat(((Map<?, ?>) status.get("module")).get("state")).as("one fault").isEqualTo("ACTIVE");
        List<?> incidents = (List<?>) status.get("incidents");
        assertThat(incidents).hasSize(1);
        assertThat(((Map<?, ?>) incidents.get(0)).get("id")).isEqualTo(incident);
        assertThat((String) ((Map<?, ?>) incidents.get(0)).get("detail"))
                .contains("IllegalStateException").contains("kaboom in a handler").contains("demo.notes.NotesModule");
        assertThat(zhuji.get("/api/modules/notes/version").code()).as("another bureau still served").isEqualTo(200);

        assertThat(shaoxing.get("/api/modules/notes/boom").code()).isEqualTo(500);
        assertThat(module().get("state")).as("two faults").isEqualTo("ACTIVE");
        HttpResponse<Map<String, Object>> third = shaoxing.get("/api/modules/notes/boom");
        assertThat(third.code()).isEqualTo(500);
        assertNoDetails(third);

        Map<?, ?> failed = module();
        assertThat(failed.get("state")).as("the third fault reaches the threshold").isEqualTo("FAILED");
        assertThat((String) failed.get("failureReason")).contains("faults").contains("kaboom in a handler");
        HttpResponse<Map<String, Object>> out = zhuji.get("/api/modules/notes/version");
        assertThat(out.code()).isEqualTo(503);
        assertThat(out.header("Retry-After")).as("back after the cool-down").isEqualTo("2");
        assertNoDetails(out);
        assertThat(out.body().toString()).doesNotContain("faults", "shaoxing", (String) third.body().get("incident"));
        assertThat(platform.getAny("/api/platform/audit").body().toString()).contains("MODULE_FAILED");

        await("the module is back after its cool-down", () -> "ACTIVE".equals(module().get("state")));
        await("the module serves again", () -> zhuji.get("/api/modules/notes/version").code() == 200);
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(200);
        assertThat(platform.getAny("/api/platform/audit").body().toString()).contains("MODULE_RESTARTED")
                .contains("cool-down");
        assertThat((List<?>) platform.get("/api/admin/plugins/notes").body().get("incidents"))
                .as("the incidents stay on the module's page").hasSize(3);
    }

    @Test
    void aModuleThatCannotStartStaysOutUntilTheAdministratorRestartsIt() {
        platform.delete("/api/admin/plugins/notes?purge=true");
        HttpResponse<Map<String, Object>> r = platform.upload("/api/admin/plugins", "notes.jar",
                NotesModules.notes("1.0.0",
                        "if (context != null) throw new IllegalStateException(\"no licence file\");", "", "")
                        .buildBytes(), Map.of());
        assertThat(r.code()).isEqualTo(201);
        assertThat(module().get("state")).isEqualTo("FAILED");
        assertThat((String) module().get("failureReason")).startsWith("start").contains("no licence file");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).multipliedBy(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(module().get("state")).as("a module that cannot start does not come back by itself")
                    .isEqualTo("FAILED");
            pause();
        }
    }

    private Map<?, ?> module() {
        return (Map<?, ?>) platform.get("/api/admin/plugins/notes").body().get("module");
    }

    private void assertCallers(HttpResponse<Map<String, Object>> r, int status) {
        assertThat(r.code()).as("%s", r.body()).isEqualTo(status);
        assertNoDetails(r);
        assertThat(module().get("state")).isEqualTo("ACTIVE");
    }

    /** No SQL, constraint, class or frame, nor the module's words about its fault. */
    private static void assertNoDetails(HttpResponse<Map<String, Object>> r) {
        assertThat(String.valueOf(r.body())).doesNotContain("Exception", "kaboom", "demo.notes", "demo_note", "insert",
                "select", "constraint", "pkey", "cn.jiaoyun", "java.", "SQL", "at ");
    }

    private static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
