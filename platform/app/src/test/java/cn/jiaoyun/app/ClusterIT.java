package cn.jiaoyun.app;

import cn.jiaoyun.postgres.JiaoyunDatabase;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.TestPostgres;
import cn.jiaoyun.test.plugins.PluginJarBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one database: a module installed, upgraded or removed on one node
 * serves (or stops) on the other within seconds, told by PostgreSQL LISTEN/NOTIFY; a bureau's
 * switch made on one node holds on the other at once.
 */
class ClusterIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(10);
    private static final String PASSWORD = "Demo-Cluster-1";

    @TempDir
    Path work;

    @Test
    void installUpgradeEnableAndRemoveReachTheOtherNode() throws Exception {
        JiaoyunDatabase db = TestPostgres.get().newDatabase();
        Map<String, String> env = new HashMap<>(Map.of(
                "JIAOYUN_DB_URL", db.jdbcUrl(),
                "JIAOYUN_DB_USER", db.app().username(), "JIAOYUN_DB_PASSWORD", db.app().password(),
                "JIAOYUN_DB_OWNER_USER", db.owner().username(), "JIAOYUN_DB_OWNER_PASSWORD", db.owner().password(),
                "JIAOYUN_JWT_SECRET", "one-signing-key-shared-by-every-node-0123456789",
                "JIAOYUN_DEMO_DATA", "true", "JIAOYUN_DEMO_PASSWORD", PASSWORD));
        int portA = ServerProcess.freePort();
        int portB = ServerProcess.freePort();
        ServerProcess a = ServerProcess.start(work.resolve("a"), Files.createDirectories(work.resolve("cwd-a")),
                portA, ServerProcess.freePort(), env);
        ServerProcess b = null;
        try (HttpClient clientA = HttpClient.create(new URL("http://127.0.0.1:" + portA))) {
            b = ServerProcess.start(work.resolve("b"), Files.createDirectories(work.resolve("cwd-b")),
                    portB, ServerProcess.freePort(), env);
            try (HttpClient clientB = HttpClient.create(new URL("http://127.0.0.1:" + portB))) {
                ApiSession platformA = ApiSession.login(clientA, null, "platform", PASSWORD);
                ApiSession shaoxingA = ApiSession.login(clientA, "shaoxing", "admin", PASSWORD);
                ApiSession shaoxingB = ApiSession.login(clientB, "shaoxing", "admin", PASSWORD);

                assertThat(platformA.upload("/api/admin/plugins", "echo-1.0.0.jar", echo("1.0.0"), Map.of()).code())
                        .isEqualTo(201);
                assertThat(shaoxingB.put("/api/tenants/shaoxing/modules/echo", Map.of()).code())
                        .as("node B knows the module installed on A").isEqualTo(200);
                assertThat(eventually(shaoxingB, r -> r.code() == 200 && "1.0.0".equals(r.body().get("version"))))
                        .as("node B serves the module installed on A").isTrue();
                assertThat(shaoxingA.get("/api/modules/echo/ping").code()).as("enabled on B, served on A").isEqualTo(200);

                assertThat(platformA.upload("/api/admin/plugins/echo", "echo-2.0.0.jar", echo("2.0.0"), Map.of()).code())
                        .isEqualTo(200);
                assertThat(eventually(shaoxingB, r -> r.code() == 200 && "2.0.0".equals(r.body().get("version"))))
                        .as("node B runs the upgrade made on A").isTrue();

                assertThat(shaoxingB.delete("/api/tenants/shaoxing/modules/echo").code()).isEqualTo(204);
                assertThat(shaoxingA.get("/api/modules/echo/ping").code()).as("disabled on B, gone on A").isEqualTo(404);
                shaoxingA.put("/api/tenants/shaoxing/modules/echo", Map.of());

                assertThat(platformA.delete("/api/admin/plugins/echo").code()).isEqualTo(204);
                assertThat(eventually(shaoxingB, r -> r.code() == 404)).as("node B stops the module removed on A").isTrue();
                assertThat(b.output()).contains("Module change announced (echo)");
            }
        } finally {
            if (b != null) {
                b.stop();
            }
            a.stop();
        }
    }

    private static boolean eventually(ApiSession session, Predicate<HttpResponse<Map<String, Object>>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(session.get("/api/modules/echo/ping"))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static byte[] echo(String version) {
        return PluginJarBuilder.plugin("echo", version)
                .javaSource("demo.echo.EchoModule", """
                        package demo.echo;
                        import cn.jiaoyun.plugin.api.*;
                        import java.util.List;
                        import java.util.Map;
                        @org.pf4j.Extension
                        public class EchoModule implements JiaoyunModule {
                            private ModuleContext context;
                            @Override
                            public void start(ModuleContext context) {
                                this.context = context;
                            }
                            @Override
                            public List<Endpoint> endpoints() {
                                return List.of(Endpoint.get("/ping", r -> ModuleResponse.ok(
                                        Map.of("version", context.version(), "bureau", r.bureau().code()))));
                            }
                        }
                        """)
                .extension("demo.echo.EchoModule")
                .buildBytes();
    }
}
