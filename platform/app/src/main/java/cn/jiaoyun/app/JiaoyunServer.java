package cn.jiaoyun.app;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.bureau.BureauStartup;
import cn.jiaoyun.core.demo.DemoAccounts;
import cn.jiaoyun.postgres.Credentials;
import cn.jiaoyun.postgres.EmbeddedPostgresServer;
import cn.jiaoyun.postgres.JiaoyunDatabase;
import cn.jiaoyun.ui.server.VaadinJettyServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Starts Jiaoyun. With {@code JIAOYUN_DB_URL} unset it runs an embedded PostgreSQL whose data
 * stays in {@code JIAOYUN_DATA_DIR} (default {@code ~/.jiaoyun}) and loads the demo bureaus;
 * otherwise it uses the configured PostgreSQL and loads demo data only when
 * {@code JIAOYUN_DEMO_DATA=true}. See the README for every setting.
 */
public final class JiaoyunServer {

    private static final Logger LOG = LoggerFactory.getLogger(JiaoyunServer.class);

    private JiaoyunServer() {
    }

    public static void main(String[] args) throws Exception {
        ServerSettings settings = ServerSettings.fromEnvironment();
        Map<String, Object> properties = new HashMap<>();
        EmbeddedPostgresServer embedded = null;
        String databaseNote;
        String demoPassword = settings.get("JIAOYUN_DEMO_PASSWORD");
        boolean demo;
        if (settings.externalDatabase()) {
            properties.putAll(external(settings));
            String secret = settings.get("JIAOYUN_JWT_SECRET");
            if (secret == null) {
                LOG.warn("JIAOYUN_JWT_SECRET is not set: tokens are signed with a key that dies with this process "
                        + "and is not shared with other nodes");
                secret = Credentials.randomPassword(48);
            }
            properties.put("jiaoyun.auth.jwt-secret", secret);
            demo = settings.flag("JIAOYUN_DEMO_DATA", false);
            if (demo && demoPassword == null) {
                demoPassword = Credentials.randomPassword(12);
            }
            databaseNote = "PostgreSQL at " + settings.get("JIAOYUN_DB_URL");
        } else {
            Path dataDir = settings.dataDirectory();
            Properties secrets = ServerSettings.embeddedSecrets(dataDir);
            embedded = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
            JiaoyunDatabase db = embedded.preparer().prepare("jiaoyun",
                    new Credentials(ServerSettings.OWNER_ROLE, secrets.getProperty("owner.password")),
                    new Credentials(ServerSettings.APP_ROLE, secrets.getProperty("app.password")));
            properties.putAll(db.serverProperties());
            properties.put("jiaoyun.auth.jwt-secret", secrets.getProperty("jwt.secret"));
            demo = settings.flag("JIAOYUN_DEMO_DATA", true);
            if (demoPassword == null) {
                demoPassword = secrets.getProperty("demo.password");
            }
            databaseNote = "embedded PostgreSQL on port " + embedded.port() + ", data in " + dataDir;
        }
        properties.put("jiaoyun.demo.enabled", demo);
        if (demoPassword != null) {
            properties.put("jiaoyun.demo.password", demoPassword);
        }

        EmbeddedPostgresServer postgres = embedded;
        ApplicationContext context;
        try {
            context = Micronaut.build(args).mainClass(JiaoyunServer.class).properties(properties).start();
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        // Micronaut's own shutdown hook stops the server, which stops the context; the database must
        // outlive both. Stopping through the server as well takes the same locks in the same order
        // (server, then context), so this hook waits for that stop instead of deadlocking with it.
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            if (postgres != null) {
                postgres.close();
            }
        }, "jiaoyun-shutdown"));
        System.out.println(banner(context, databaseNote, demo ? demoPassword : null));
    }

    private static Map<String, Object> external(ServerSettings s) {
        String url = s.get("JIAOYUN_DB_URL");
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", require(s, "JIAOYUN_DB_USER"));
        p.put("datasources.default.password", require(s, "JIAOYUN_DB_PASSWORD"));
        p.put("datasources.owner.url", url);
        p.put("datasources.owner.username", require(s, "JIAOYUN_DB_OWNER_USER"));
        p.put("datasources.owner.password", require(s, "JIAOYUN_DB_OWNER_PASSWORD"));
        return p;
    }

    private static String require(ServerSettings s, String name) {
        String v = s.get(name);
        if (v == null) {
            throw new IllegalStateException(name + " must be set when JIAOYUN_DB_URL is (see README: Configuration)");
        }
        return v;
    }

    private static String banner(ApplicationContext context, String databaseNote, String demoPassword) {
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        String base = "http://localhost:" + server.getPort();
        StringBuilder sb = new StringBuilder();
        sb.append("\n==================================================================\n");
        sb.append(" Jiaoyun 交运 is running\n");
        context.findBean(VaadinJettyServer.class).ifPresent(ui ->
                sb.append("   Web UI:    http://localhost:").append(ui.port()).append("/\n"));
        sb.append("   API:       ").append(base).append("/api\n");
        sb.append("   Health:    ").append(base).append("/health\n");
        sb.append("   Database:  ").append(databaseNote).append('\n');
        if (demoPassword != null) {
            sb.append(" Demo logins (password for all: ").append(demoPassword).append(")\n");
            sb.append("   platform administrator (no bureau): ").append(DemoAccounts.PLATFORM_USERNAME).append('\n');
            for (BureauDefinitionFiles.Entry e : context.getBean(BureauStartup.class).lastRead()) {
                if (e.valid() && !e.definition().demoUsers().isEmpty()) {
                    sb.append("   bureau ").append(e.definition().code()).append(" (").append(e.definition().name())
                            .append(e.definition().synthetic() ? "，合成演示" : "").append("): ");
                    sb.append(String.join(", ", e.definition().demoUsers().stream()
                            .map(u -> u.username()).toList())).append('\n');
                }
            }
            context.getBean(BureauStartup.class).lastRead().stream()
                    .filter(e -> e.valid() && e.definition().parentRegionCode() != null)
                    .map(e -> e.definition().parentRegionCode() + " " + e.definition().parentName()).distinct().sorted()
                    .forEach(region -> sb.append("   regional analyst (no bureau) of ").append(region).append(": ")
                            .append(DemoAccounts.analystUsername(region.substring(0, 6))).append('\n'));
            sb.append(" Example: curl -s -X POST ").append(base)
                    .append("/api/auth/login -H 'Content-Type: application/json' -d '{\"tenant\":\"shaoxing\",")
                    .append("\"username\":\"admin\",\"password\":\"").append(demoPassword).append("\"}'\n");
        }
        sb.append("==================================================================");
        return sb.toString();
    }
}
