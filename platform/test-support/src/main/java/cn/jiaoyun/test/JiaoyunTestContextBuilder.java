package cn.jiaoyun.test;

import cn.jiaoyun.postgres.JiaoyunDatabase;
import io.micronaut.context.DefaultApplicationContextBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds each test's application context against a fresh database of {@link TestPostgres},
 * with the repository's demo bureaus and a known demo password.
 */
public class JiaoyunTestContextBuilder extends DefaultApplicationContextBuilder {

    /** The password of every demo user in tests. */
    public static final String DEMO_PASSWORD = "Demo-Test-2026";

    public JiaoyunTestContextBuilder() {
        JiaoyunDatabase db = TestPostgres.get().newDatabase();
        Map<String, Object> p = new HashMap<>(db.serverProperties());
        p.put("micronaut.server.port", -1);
        p.put("jiaoyun.ui.port", 0);
        // uploads of up to 50 MB on a busy two-core machine
        p.put("micronaut.http.client.read-timeout", "120s");
        p.put("jiaoyun.auth.jwt-secret", "test-secret-" + "x".repeat(48));
        p.put("jiaoyun.auth.bcrypt-cost", 4);
        p.put("jiaoyun.demo.enabled", true);
        p.put("jiaoyun.demo.password", DEMO_PASSWORD);
        // tests import the lists they need themselves; the packaged-jar test checks the demo lists
        p.put("jiaoyun.demo.work-lists", false);
        p.put("jiaoyun.demo.figures", false);
        // likewise the demo key projects, which also feed invest.key_projects: KeyProjectDemoTest loads them
        p.put("jiaoyun.demo.key-projects", false);
        // tests install the modules they need themselves
        p.put("jiaoyun.demo.modules", false);
        p.put("jiaoyun.tenants.directory", repositoryRoot().resolve("tenants").toString());
        properties(p);
        environments("test");
    }

    /** The checkout's root: the nearest directory upwards that holds {@code tenants/}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("tenants")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No repository root with tenants/ above " + Path.of("").toAbsolutePath());
    }
}
