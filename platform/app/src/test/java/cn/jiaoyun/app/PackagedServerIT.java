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
        int port = ServerProcess.freePort();
        int uiPort = ServerProcess.freePort();

        ServerProcess first = ServerProcess.start(data, cwd, port, uiPort);
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

        ServerProcess second = ServerProcess.start(data, cwd, port, uiPort);
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
        int port = ServerProcess.freePort();
        int uiPort = ServerProcess.freePort();
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of(
                "JIAOYUN_DB_URL", db.jdbcUrl(),
                "JIAOYUN_DB_USER", db.app().username(), "JIAOYUN_DB_PASSWORD", db.app().password(),
                "JIAOYUN_DB_OWNER_USER", db.owner().username(), "JIAOYUN_DB_OWNER_PASSWORD", db.owner().password(),
                "JIAOYUN_JWT_SECRET", "an-external-signing-key-of-enough-length-0123456789"));

        ServerProcess plain = ServerProcess.start(work.resolve("unused"), cwd, port, uiPort, env);
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
        ServerProcess demo = ServerProcess.start(work.resolve("unused"), cwd, port, uiPort, env);
        try {
            assertThat(passwordIn(demo.output())).isEqualTo("Demo-External-1");
            assertThat(login(port, "shaoxing", "admin", "Demo-External-1").statusCode()).isEqualTo(200);
        } finally {
            demo.stop();
        }
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

}
