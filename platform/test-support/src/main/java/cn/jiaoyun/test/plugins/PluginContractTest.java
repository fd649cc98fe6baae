package cn.jiaoyun.test.plugins;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every plugin module keeps, checked against a running server through its HTTP API
 * only. A module's own test extends this class, is annotated {@code @JiaoyunTest}, and says where
 * Maven built its jar, what it can read and how to write one sample record.
 *
 * <p>Checked: the jar installs on a running platform and serves (which also means its tables
 * passed the platform's tenancy check); it serves no one whose bureau did not enable it, no
 * stranger and no platform account; one bureau's records are invisible to another; installing it
 * twice or "upgrading" to the same version is refused; uninstalling keeps the data and a
 * reinstall finds it; a purge removes it.
 */
public abstract class PluginContractTest {

    /** The module's id ({@code Plugin-Id}). */
    protected abstract String moduleId();

    /**
     * The module jar as the build produced it: by default the one the plugins' parent pom names in
     * the system property {@code jiaoyun.plugin.jar} for integration tests.
     */
    protected Path pluginJar() {
        String jar = System.getProperty("jiaoyun.plugin.jar");
        if (jar == null) {
            throw new IllegalStateException("No jiaoyun.plugin.jar: run as a failsafe IT of a module under plugins/, or override pluginJar()");
        }
        return Path.of(jar);
    }

    /** A client of the server under test (inject {@code @Client("/") HttpClient} in the subclass). */
    protected abstract HttpClient client();

    /** Paths under {@code /api/modules/<id>} that any member of an enabling bureau may GET. */
    protected abstract List<String> readPaths();

    /** Writes one record as the given bureau's administrator; returns what identifies it. */
    protected abstract Object writeSample(ApiSession bureauAdmin);

    /** Whether the session, through the module's API, sees the record {@link #writeSample} wrote. */
    protected abstract boolean sees(ApiSession session, Object sample);

    /** Two bureaus that enable the module, and one that does not (demo bureaus by default). */
    protected String bureauA() {
        return "shaoxing";
    }

    protected String bureauB() {
        return "zhuji";
    }

    protected String bureauWithout() {
        return "liuyang";
    }

    protected ApiSession platform;
    protected ApiSession adminA;
    protected ApiSession adminB;

    @BeforeEach
    void installAndEnable() {
        platform = ApiSession.login(client(), null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        HttpResponse<Map<String, Object>> installed = install();
        assertThat(installed.code()).as("install of %s: %s", pluginJar(), installed.body()).isEqualTo(201);
        assertThat(installed.body()).as("after start").containsEntry("id", moduleId()).containsEntry("state", "ACTIVE");
        adminA = ApiSession.demo(client(), bureauA(), "admin");
        adminB = ApiSession.demo(client(), bureauB(), "admin");
        assertThat(adminA.put("/api/tenants/" + bureauA() + "/modules/" + moduleId(), Map.of()).code()).isEqualTo(200);
        assertThat(adminB.put("/api/tenants/" + bureauB() + "/modules/" + moduleId(), Map.of()).code()).isEqualTo(200);
    }

    @AfterEach
    void purge() {
        platform.delete("/api/admin/plugins/" + moduleId() + "?purge=true");
    }

    @Test
    void servesEveryReadPathToAnEnablingBureau() {
        for (String path : readPaths()) {
            assertThat(adminA.getAny(base() + path).code()).as("GET %s", path).isEqualTo(200);
            assertThat(ApiSession.demo(client(), bureauA(), "viewer").getAny(base() + path).code())
                    .as("GET %s as a viewer", path).isIn(200, 403);
        }
    }

    @Test
    void servesNoOneElse() {
        ApiSession without = ApiSession.demo(client(), bureauWithout(), "admin");
        for (String path : readPaths()) {
            assertThat(without.getAny(base() + path).code()).as("GET %s, module not enabled", path).isEqualTo(404);
            assertThat(platform.getAny(base() + path).code()).as("GET %s as platform", path).isEqualTo(403);
            assertThat(ApiSession.send(client().toBlocking(), HttpRequest.GET(base() + path)).code())
                    .as("GET %s without login", path).isEqualTo(401);
        }
        assertThat(adminB.delete("/api/tenants/" + bureauB() + "/modules/" + moduleId()).code()).isEqualTo(204);
        for (String path : readPaths()) {
            assertThat(adminB.getAny(base() + path).code()).as("GET %s after disabling", path).isEqualTo(404);
        }
    }

    @Test
    void oneBureausRecordsAreInvisibleToAnother() {
        Object sample = writeSample(adminA);
        assertThat(sees(adminA, sample)).as("the writer sees its record").isTrue();
        assertThat(sees(adminB, sample)).as("another bureau sees it").isFalse();
    }

    @Test
    void installingTwiceOrUpgradingToTheSameVersionIsRefused() {
        assertThat(install().code()).isEqualTo(409);
        HttpResponse<Map<String, Object>> same = platform.upload("/api/admin/plugins/" + moduleId(),
                pluginJar().getFileName().toString(), jarBytes(), Map.of());
        assertThat(same.code()).isEqualTo(409);
    }

    @Test
    void uninstallKeepsTheDataAndAPurgeRemovesIt() {
        Object sample = writeSample(adminA);
        assertThat(platform.delete("/api/admin/plugins/" + moduleId()).code()).isEqualTo(204);
        assertThat(adminA.getAny(base() + readPaths().get(0)).code()).as("uninstalled").isEqualTo(404);
        assertThat(install().code()).isEqualTo(201);
        assertThat(sees(adminA, sample)).as("data kept over an uninstall").isTrue();

        assertThat(platform.delete("/api/admin/plugins/" + moduleId() + "?purge=true").code()).isEqualTo(204);
        assertThat(platform.get("/api/admin/plugins/" + moduleId()).code()).isEqualTo(404);
        assertThat(install().code()).isEqualTo(201);
        adminA.put("/api/tenants/" + bureauA() + "/modules/" + moduleId(), Map.of());
        assertThat(sees(adminA, sample)).as("data after a purge").isFalse();
    }

    /** {@code /api/modules/<id>}. */
    protected String base() {
        return "/api/modules/" + moduleId();
    }

    private HttpResponse<Map<String, Object>> install() {
        return platform.upload("/api/admin/plugins", pluginJar().getFileName().toString(), jarBytes(), Map.of());
    }

    private byte[] jarBytes() {
        try {
            return Files.readAllBytes(pluginJar());
        } catch (IOException e) {
            throw new UncheckedIOException("Build the module first: " + pluginJar(), e);
        }
    }
}
