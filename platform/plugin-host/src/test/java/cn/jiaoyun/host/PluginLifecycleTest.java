package cn.jiaoyun.host;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Install → use → upgrade → disable → uninstall on one running server, requests served throughout. */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginLifecycleTest {

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession platform;
    ApiSession shaoxing;
    ApiSession zhuji;

    @BeforeAll
    void login() {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
    }

    @Test
    void installUseUpgradeDisableUninstallWithoutRestart() throws Exception {
        HttpResponse<Map<String, Object>> installed = platform.upload("/api/admin/plugins", "notes-1.0.0.jar",
                NotesModules.notes("1.0.0").buildBytes(), Map.of());
        assertThat(installed.code()).as("%s", installed.body()).isEqualTo(201);
        assertThat(installed.body()).containsEntry("id", "notes").containsEntry("version", "1.0.0")
                .containsEntry("state", "ACTIVE").containsEntry("installedBy", "platform:platform");
        assertThat((String) installed.body().get("sha256")).hasSize(64);

        // not enabled yet: the module is invisible to the bureau
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(404);
        HttpResponse<Map<String, Object>> enabled = shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
        assertThat(enabled.code()).as("%s", enabled.body()).isEqualTo(200);
        HttpResponse<Map<String, Object>> version = shaoxing.get("/api/modules/notes/version");
        assertThat(version.code()).as("%s", version.body()).isEqualTo(200);
        assertThat(version.body()).containsEntry("version", "1.0.0").containsEntry("bureau", "shaoxing");

        assertThat(shaoxing.post("/api/modules/notes/notes", Map.of("body", "绍兴的笔记")).code()).isEqualTo(201);
        List<?> notes = (List<?>) shaoxing.getAny("/api/modules/notes/notes").body();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).asString().contains("绍兴的笔记");

        // upgrade while a bureau keeps calling: no request fails
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> caller = pool.submit(() -> {
            while (!stop.get()) {
                int code = shaoxing.get("/api/modules/notes/notes/1").code();
                if (code == 200) {
                    served.incrementAndGet();
                } else {
                    failures.add(code);
                }
            }
        });
        while (served.get() < 3) {
            Thread.sleep(20);
        }
        HttpResponse<Map<String, Object>> upgraded = platform.upload("/api/admin/plugins/notes", "notes-2.0.0.jar",
                NotesModules.notesV2().buildBytes(), Map.of());
        int before = served.get();
        while (served.get() < before + 3) {
            Thread.sleep(20);
        }
        stop.set(true);
        caller.get();
        pool.shutdown();
        assertThat(upgraded.code()).as("%s", upgraded.body()).isEqualTo(200);
        assertThat(failures).as("requests during the upgrade").isEmpty();
        assertThat(shaoxing.get("/api/modules/notes/version").body()).containsEntry("version", "2.0.0");
        assertThat(shaoxing.getAny("/api/modules/notes/tags").code()).isEqualTo(200);
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).as("data kept by the upgrade").hasSize(1);

        // disable: gone for the bureau, and the platform still serves
        assertThat(shaoxing.delete("/api/tenants/shaoxing/modules/notes").code()).isEqualTo(204);
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(404);
        assertThat(shaoxing.get("/api/me").code()).isEqualTo(200);

        // uninstall keeps the data; reinstalling finds it
        assertThat(platform.delete("/api/admin/plugins/notes").code()).isEqualTo(204);
        assertThat(((Map<?, ?>) platform.get("/api/admin/plugins/notes").body().get("module")).get("state")).isEqualTo("REMOVED");
        assertThat(shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of()).code())
                .as("an uninstalled module cannot be enabled").isEqualTo(409);
        assertThat(shaoxing.get("/api/modules/notes/version").code()).isEqualTo(404);
        assertThat(platform.upload("/api/admin/plugins", "notes-2.0.0.jar", NotesModules.notesV2().buildBytes(), Map.of())
                .code()).isEqualTo(201);
        assertThat(shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of()).code()).isEqualTo(200);
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).as("data kept by uninstall").hasSize(1);

        // purge: tables and the registry row are gone
        assertThat(platform.delete("/api/admin/plugins/notes?purge=true").code()).isEqualTo(204);
        assertThat(platform.get("/api/admin/plugins/notes").code()).isEqualTo(404);
        assertThat(platform.upload("/api/admin/plugins", "notes-1.0.0.jar", NotesModules.notes("1.0.0").buildBytes(), Map.of())
                .code()).isEqualTo(201);
        shaoxing.put("/api/tenants/shaoxing/modules/notes", Map.of());
        assertThat((List<?>) shaoxing.getAny("/api/modules/notes/notes").body()).as("purged data").isEmpty();
        platform.delete("/api/admin/plugins/notes?purge=true");
    }
}
