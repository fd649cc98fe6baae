package cn.jiaoyun.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as an operator would, with no database configured: it starts an embedded
 * PostgreSQL, serves /health, lets the demo users in, and a second start reuses the same data.
 */
class PackagedServerIT {

    private static final Pattern PASSWORD = Pattern.compile("password for all: (\\S+)\\)");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWithNoDatabaseConfiguredAndReusesItsDataOnTheSecondStart() throws Exception {
        Path data = work.resolve("data");
        Path cwd = Files.createDirectories(work.resolve("elsewhere"));
        int port = freePort();
        int uiPort = freePort();

        Started first = start(data, cwd, port, uiPort);
        String password;
        try {
            assertThat(get(port, "/health").body()).contains("\"status\":\"UP\"");
            assertThat(first.output()).contains("Web UI:    http://localhost:" + uiPort + "/");
            HttpResponse<String> loginPage = get(uiPort, "/login");
            assertThat(loginPage.statusCode()).isEqualTo(200);
            assertThat(loginPage.body()).contains("<html");
            assertThat(first.output()).contains("Bureau shaoxing created", "Bureau zhuji created", "Bureau liuyang created");
            password = passwordIn(first.output());
            assertThat(login(port, "shaoxing", "admin", password).statusCode()).isEqualTo(200);
            assertThat(login(port, null, "platform", password).statusCode()).isEqualTo(200);
            assertThat(first.output()).contains("Demo work lists of shaoxing for 2020 imported");
        } finally {
            first.stop();
        }

        Started second = start(data, cwd, port, uiPort);
        try {
            assertThat(get(port, "/health").body()).contains("\"status\":\"UP\"");
            assertThat(second.output()).doesNotContain(" created from ").doesNotContain("Demo accounts:");
            assertThat(passwordIn(second.output())).as("the same generated demo password").isEqualTo(password);
            HttpResponse<String> token = login(port, "shaoxing", "admin", password);
            assertThat(token.statusCode()).isEqualTo(200);
            String accessToken = token.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> audit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit"))
                    .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(count(audit.body(), "LOGIN_SUCCEEDED")).as("the first run's login is still in the audit log")
                    .isEqualTo(2);
            assertThat(count(audit.body(), "WORK_LIST_IMPORTED")).as("the demo lists are imported once").isEqualTo(1);
            HttpResponse<String> lists = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/worklists?year=2020")).header("Authorization", "Bearer " + accessToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(count(lists.body(), "\"kind\":\"KEY\"")).isEqualTo(4);
        } finally {
            second.stop();
        }
    }

    @Test
    void usesAnExternalPostgresWhenConfiguredAndLoadsDemoDataOnlyWhenAsked() throws Exception {
        cn.jiaoyun.postgres.JiaoyunDatabase db = cn.jiaoyun.test.TestPostgres.get().newDatabase();
        Path cwd = Files.createDirectories(work.resolve("external"));
        int port = freePort();
        int uiPort = freePort();
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of(
                "JIAOYUN_DB_URL", db.jdbcUrl(),
                "JIAOYUN_DB_USER", db.app().username(), "JIAOYUN_DB_PASSWORD", db.app().password(),
                "JIAOYUN_DB_OWNER_USER", db.owner().username(), "JIAOYUN_DB_OWNER_PASSWORD", db.owner().password(),
                "JIAOYUN_JWT_SECRET", "an-external-signing-key-of-enough-length-0123456789"));

        Started plain = start(work.resolve("unused"), cwd, port, uiPort, env);
        try {
            assertThat(plain.output()).contains("PostgreSQL at " + db.jdbcUrl()).doesNotContain("Demo logins");
            assertThat(get(port, "/api/auth/bureaus").body()).contains("绍兴市交通运输局");
            assertThat(login(port, "shaoxing", "admin", "Demo-External-1").statusCode())
                    .as("no demo accounts unless asked for").isEqualTo(401);
        } finally {
            plain.stop();
        }
        assertThat(Files.exists(work.resolve("unused"))).as("no embedded data directory").isFalse();

        env.put("JIAOYUN_DEMO_DATA", "true");
        env.put("JIAOYUN_DEMO_PASSWORD", "Demo-External-1");
        Started demo = start(work.resolve("unused"), cwd, port, uiPort, env);
        try {
            assertThat(passwordIn(demo.output())).isEqualTo("Demo-External-1");
            assertThat(login(port, "shaoxing", "admin", "Demo-External-1").statusCode()).isEqualTo(200);
        } finally {
            demo.stop();
        }
    }

    private record Started(Process process, StringBuffer log) {
        String output() {
            return log.toString();
        }

        void stop() throws InterruptedException {
            long t0 = System.nanoTime();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            System.out.println("[PackagedServerIT] stopped in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    private static Started start(Path data, Path cwd, int port, int uiPort) throws Exception {
        return start(data, cwd, port, uiPort, java.util.Map.of());
    }

    private static Started start(Path data, Path cwd, int port, int uiPort, java.util.Map<String, String> extra)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", System.getProperty("jiaoyun.server.jar"))
                .directory(cwd.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("JIAOYUN_DB_URL");
        pb.environment().remove("JIAOYUN_DEMO_PASSWORD");
        pb.environment().put("JIAOYUN_DATA_DIR", data.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        pb.environment().put("JIAOYUN_UI_PORT", String.valueOf(uiPort));
        pb.environment().putAll(extra);
        Process p = pb.start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                    // the banner's closing rule: its opening one comes before "Jiaoyun 交运 is running"
                    if (line.startsWith("=====") && log.indexOf(" Jiaoyun 交运 is running") >= 0) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(false);
        });
        reader.setDaemon(true);
        reader.start();
        long t0 = System.nanoTime();
        boolean ok = ready.get(180, TimeUnit.SECONDS);
        System.out.println("[PackagedServerIT] started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(ok).as("server started; output:\n" + log).isTrue();
        return new Started(p, log);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(int port, String tenant, String user, String password) throws Exception {
        String body = (tenant == null ? "{" : "{\"tenant\":\"" + tenant + "\",")
                + "\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String passwordIn(String output) {
        Matcher m = PASSWORD.matcher(output);
        assertThat(m.find()).as("the banner prints the demo password:\n" + output).isTrue();
        return m.group(1);
    }

    private static int count(String text, String word) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            at.add(i);
        }
        return at.size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
