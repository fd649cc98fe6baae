package cn.jiaoyun.test;

import cn.jiaoyun.postgres.Credentials;
import cn.jiaoyun.postgres.DatabasePreparer;
import cn.jiaoyun.postgres.EmbeddedPostgresServer;
import cn.jiaoyun.postgres.JiaoyunDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL cluster of a test JVM, chosen as DESIGN.md says: Testcontainers when a
 * Docker engine answers; otherwise the server named by {@code JIAOYUN_TEST_DB_URL} (a superuser
 * login in {@code JIAOYUN_TEST_DB_USER} / {@code JIAOYUN_TEST_DB_PASSWORD}); otherwise an
 * embedded cluster in a temporary directory. Every caller of {@link #newDatabase()} gets a
 * database of its own, prepared exactly as the server's.
 */
public final class TestPostgres {

    public static final Credentials OWNER = new Credentials("jiaoyun_owner", "owner-test-password");
    public static final Credentials APP = new Credentials("jiaoyun_app", "app-test-password");

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile TestPostgres instance;

    private final DatabasePreparer preparer;
    private final String source;

    private TestPostgres(DatabasePreparer preparer, String source) {
        this.preparer = preparer;
        this.source = source;
    }

    public static TestPostgres get() {
        TestPostgres local = instance;
        if (local == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = start();
                }
                local = instance;
            }
        }
        return local;
    }

    /** A new, empty database with the owner and application roles, named uniquely in this JVM. */
    public JiaoyunDatabase newDatabase() {
        String name = "jy_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try {
            return preparer.prepare(name, OWNER, APP);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database " + name + " on " + source, e);
        }
    }

    /** Runs one statement as the cluster's superuser, e.g. to cut a database off in a test. */
    public void asSuperuser(String sql) {
        try {
            preparer.executeAsSuperuser(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Superuser statement failed: " + sql, e);
        }
    }

    /** Where the cluster came from: "testcontainers", "external" or "embedded". */
    public String source() {
        return source;
    }

    private static TestPostgres start() {
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestPostgres(new DatabasePreparer(container.getJdbcUrl(),
                    new Credentials(container.getUsername(), container.getPassword())), "testcontainers");
        }
        String url = setting("jiaoyun.test.db.url", "JIAOYUN_TEST_DB_URL");
        if (url != null) {
            String user = setting("jiaoyun.test.db.user", "JIAOYUN_TEST_DB_USER");
            String password = setting("jiaoyun.test.db.password", "JIAOYUN_TEST_DB_PASSWORD");
            return new TestPostgres(new DatabasePreparer(url,
                    new Credentials(user == null ? "postgres" : user, password == null ? "" : password)), "external");
        }
        try {
            Path dir = Files.createTempDirectory("jiaoyun-test-pg");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteQuietly(dir);
            }));
            return new TestPostgres(server.preparer(), "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAnswers() {
        if ("false".equalsIgnoreCase(setting("jiaoyun.test.docker", "JIAOYUN_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
