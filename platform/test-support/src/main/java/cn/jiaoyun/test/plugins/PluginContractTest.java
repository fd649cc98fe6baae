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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * reinstall finds it; a purge removes it. A corpus of bad requests against every endpoint and
 * importer (malformed, empty, non-object JSON, {@code 1e400}, NUL, wrong types, absurd path
 * values, empty, garbage and zip-bomb files, the module's own {@link #moduleCorpus()} and two
 * {@link #uniqueCreate()}s at once) answers 4xx, never takes the module out of service, records
 * no incident, and names neither another bureau nor any SQL, constraint or class.
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

    /** A request of the corpus particular to the module (its body as JSON text), and the statuses it may answer. */
    public record CorpusRequest(String method, String path, String body, Set<Integer> statuses) {
    }

    /** Bad requests only this module has, e.g. a Chinese code that a check constraint refuses. */
    protected List<CorpusRequest> moduleCorpus() {
        return List.of();
    }

    /** A create that succeeds once and conflicts when sent again (one code), sent twice at once; or null. */
    protected CorpusRequest uniqueCreate() {
        return null;
    }

    /**
     * The value put for a path parameter of an endpoint when the corpus calls it: {@code {id}}
     * gets the sample's id (so the body is what is wrong), a year 2023, a month 6.
     */
    protected String pathValue(String endpointPath, String parameter, Object sample) {
        return switch (parameter) {
            case "year" -> "2023";
            case "month" -> "6";
            default -> String.valueOf(sample);
        };
    }

    private static final String JSON = "application/json";
    private static final List<String> BAD_BODIES = List.of("{\"code\": ", "[]", "null", "\"text\"",
            "{\"name\": 1e400, \"value\": 1e400}", "{\"name\": \"a\\u0000b\", \"code\": \"a\\u0000b\"}",
            "{\"name\": \"a\u0000b\"}", "{\"amount\": -1e-400, \"name\": [[[[[[[[[[[[1e999]]]]]]]]]]]]}",
            "[".repeat(5000));
    private static final String WRONG_TYPES = "{\"code\": [1], \"name\": {\"a\": 1}, \"year\": \"二〇二三\","
            + " \"month\": true, \"id\": \"x\", \"value\": \"十二\", \"amount\": [], \"date\": 20230101,"
            + " \"status\": 7, \"kind\": {}, \"online\": \"是\", \"lengthKm\": \"12公里\","
            + " \"commissionedOn\": \"2023年6月\", \"openedOn\": 2023}";
    private static final List<String> ABSURD_PATH_VALUES = List.of("99999999999999999999", "x'--", "-1", "%E4%B8%83");
    private static final List<String> LEAKS = List.of("Exception", "SQL", "select ", "insert into", "update ",
            "constraint", "_pkey", "_fkey", "_check", "_key", "tenant_id", "cn.jiaoyun", "java.", "org.", "Caused by",
            "relation \"", "stack", "\tat ");

    @Test
    void badRequestsAreTheCallersAndNeverTakeTheModuleOut() throws Exception {
        Object sample = writeSample(adminA);
        List<HttpResponse<Map<String, Object>>> answers = new ArrayList<>();
        List<Map<String, Object>> routes = routes();
        assertThat(routes).as("the admin API lists the module's endpoints").isNotEmpty();
        for (Map<String, Object> route : routes) {
            String method = (String) route.get("method");
            String template = (String) route.get("path");
            @SuppressWarnings("unchecked")
            List<String> extensions = (List<String>) route.get("extensions");
            if (template.startsWith("/imports/") && !extensions.isEmpty()) {
                answers.addAll(badFiles(template, extensions));
                continue;
            }
            String path = base() + fill(template, sample, null);
            if (method.equals("POST") || method.equals("PUT")) {
                for (String body : BAD_BODIES) {
                    HttpResponse<Map<String, Object>> r = adminA.raw(method, path, JSON,
                            body.getBytes(StandardCharsets.UTF_8), null);
                    assertThat(r.code()).as("%s %s with %s: %s", method, path, abbreviate(body), r.body())
                            .isBetween(400, 499);
                    answers.add(r);
                }
                HttpResponse<Map<String, Object>> english = adminA.raw(method, path, JSON,
                        "{\"code\": ".getBytes(StandardCharsets.UTF_8), "en");
                assertThat(String.valueOf(english.body())).as("%s %s in English", method, path).contains("JSON");
                for (String body : List.of(WRONG_TYPES, "")) {
                    HttpResponse<Map<String, Object>> r = adminA.raw(method, path, JSON,
                            body.getBytes(StandardCharsets.UTF_8), null);
                    assertThat(r.code()).as("%s %s with %s: %s", method, path, abbreviate(body), r.body())
                            .isLessThan(500);
                    answers.add(r);
                }
            }
            if (template.contains("{")) {
                for (String absurd : ABSURD_PATH_VALUES) {
                    String bad = base() + fill(template, sample, absurd);
                    HttpResponse<Map<String, Object>> r = method.equals("GET") || method.equals("DELETE")
                            ? adminA.raw(method, bad, JSON, new byte[0], null)
                            : adminA.raw(method, bad, JSON, "{}".getBytes(StandardCharsets.UTF_8), null);
                    assertThat(r.code()).as("%s %s: %s", method, bad, r.body()).isBetween(400, 499);
                    answers.add(r);
                }
            }
        }
        for (CorpusRequest c : moduleCorpus()) {
            HttpResponse<Map<String, Object>> r = adminA.raw(c.method(), base() + c.path(), JSON,
                    c.body().getBytes(StandardCharsets.UTF_8), null);
            assertThat(r.code()).as("%s %s with %s: %s", c.method(), c.path(), c.body(), r.body()).isIn(c.statuses());
            answers.add(r);
        }
        CorpusRequest unique = uniqueCreate();
        if (unique != null) {
            answers.addAll(twiceAtOnce(unique));
        }

        for (HttpResponse<Map<String, Object>> r : answers) {
            String text = String.valueOf(r.body());
            assertThat(text).as("answer %s", text).doesNotContain(bureauB());
            for (String leak : LEAKS) {
                assertThat(text).as("answer %s", text).doesNotContain(leak);
            }
        }
        Map<String, Object> status = platform.get("/api/admin/plugins/" + moduleId()).body();
        assertThat(((Map<?, ?>) status.get("module")).get("state")).as("after the corpus").isEqualTo("ACTIVE");
        assertThat((List<?>) status.get("incidents")).as("the caller's mistakes are no incidents").isEmpty();
        for (String path : readPaths()) {
            assertThat(adminB.getAny(base() + path).code()).as("GET %s by another bureau afterwards", path)
                    .isEqualTo(200);
        }
        assertThat(sees(adminA, sample)).as("the sample is intact").isTrue();
    }

    private List<HttpResponse<Map<String, Object>>> badFiles(String importer, List<String> extensions) {
        List<HttpResponse<Map<String, Object>>> answers = new ArrayList<>();
        String path = base() + importer;
        String ext = extensions.get(0);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty." + ext, new byte[0]);
        files.put("garbage." + ext, BadFiles.garbage());
        files.put("nul." + ext, "a,b\u0000,c\n\u0000\u0000\n".getBytes(StandardCharsets.UTF_8));
        if (extensions.contains("xlsx")) {
            files.put("garbage.xlsx", BadFiles.garbage());
            files.put("truncated.xlsx", BadFiles.truncatedWorkbook());
            files.put("bomb.xlsx", BadFiles.zipBombWorkbook(100));
            files.put("text.xlsx", "年份,月份\n2023,6\n".getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            HttpResponse<Map<String, Object>> r = adminA.upload(path, f.getKey(), f.getValue(), Map.of());
            // a text file may be read and each bad line reported (200); a workbook that cannot be read is refused
            if (f.getKey().endsWith(".xlsx")) {
                assertThat(r.code()).as("%s %s: %s", path, f.getKey(), r.body()).isBetween(400, 499);
            } else {
                assertThat(r.code()).as("%s %s: %s", path, f.getKey(), r.body()).isLessThan(500);
            }
            answers.add(r);
        }
        return answers;
    }

    private List<HttpResponse<Map<String, Object>>> twiceAtOnce(CorpusRequest create) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<Map<String, Object>>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return adminA.raw(create.method(), base() + create.path(), JSON,
                            create.body().getBytes(StandardCharsets.UTF_8), null);
                }));
            }
            start.countDown();
            List<HttpResponse<Map<String, Object>>> answers = new ArrayList<>();
            for (Future<HttpResponse<Map<String, Object>>> call : calls) {
                answers.add(call.get(2, TimeUnit.MINUTES));
            }
            List<Integer> codes = answers.stream().map(HttpResponse::code).sorted().toList();
            assertThat(codes).as("two creates of one code at once: %s",
                            answers.stream().map(HttpResponse::body).toList())
                    .hasSize(2).allMatch(create.statuses()::contains);
            assertThat(codes.get(0)).as("one of them succeeds").isBetween(200, 299);
            assertThat(codes.get(1)).as("the other conflicts").isEqualTo(409);
            return answers.subList(1, 2).stream().filter(r -> r.code() >= 400).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Map<String, Object>> routes() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> routes = (List<Map<String, Object>>) platform.get("/api/admin/plugins/" + moduleId())
                .body().get("routes");
        return routes == null ? List.of() : routes;
    }

    /** The endpoint's path with its parameters filled: each by {@link #pathValue}, or all by {@code absurd}. */
    private String fill(String template, Object sample, String absurd) {
        StringBuilder out = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (!out.isEmpty() || !segment.isEmpty()) {
                out.append('/');
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                out.append(absurd != null ? absurd : pathValue(template, name, sample));
            } else {
                out.append(segment);
            }
        }
        return out.toString().replaceFirst("^/?", "/");
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
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
