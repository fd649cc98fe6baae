package cn.jiaoyun.plugins.port;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.jiaoyun.plugins.port.PortApi.count;
import static cn.jiaoyun.plugins.port.PortApi.importFile;
import static cn.jiaoyun.plugins.port.PortApi.line;
import static cn.jiaoyun.plugins.port.PortApi.number;
import static cn.jiaoyun.plugins.port.PortApi.problems;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo file under {@code tenants/<bureau>/demo/port-throughput/} imports through its
 * importer as the host's demo loader does it (in file-name order, as the bureau's administrator)
 * with no problem, every data row marked with its source, and the year-to-date figures the API
 * then reports equal the files' own sums.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortDemoDataIT {

    private static final Path TENANTS = Path.of("../../tenants");
    private static final List<String> IMPORTERS = List.of("monthly-statistics", "berths", "projects");

    @Inject
    @Client("/")
    HttpClient client;
    ApiSession platform;

    @BeforeAll
    void install() throws Exception {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("jiaoyun.plugin.jar")));
        assertThat(platform.upload("/api/admin/plugins", "port-throughput.jar", jar, Map.of()).code()).isEqualTo(201);
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/port-throughput?purge=true");
    }

    @Test
    void shaoxingsDemoFilesImportAndAddUp() throws IOException {
        ApiSession admin = importAll("shaoxing");
        Path dir = dir("shaoxing");
        Map<String, Object> total = line(admin, 2023, 12, "throughput");
        assertThat(number(total, "yearToDate")).isEqualByComparingTo(sum(dir.resolve("monthly-statistics-2023.csv"), 5));
        assertThat(number(total, "lastYearToDate")).isEqualByComparingTo(sum(dir.resolve("monthly-statistics-2022.csv"), 5));
        assertThat(total.get("yearToDateChangePercent")).isNotNull();
        assertThat(number(line(admin, 2023, 12, "teu"), "yearToDate"))
                .isEqualByComparingTo(sum(dir.resolve("monthly-statistics-2023.csv"), 6));
        BigDecimal freight = number(line(admin, 2023, 12, "water_freight"), "yearToDate");
        BigDecimal bothYears = sum(dir.resolve("monthly-statistics-water-2022-2023.csv"), 1);
        assertThat(freight.add(number(line(admin, 2023, 12, "water_freight"), "lastYearToDate"))).isEqualByComparingTo(bothYears);
        assertThat(admin.getAny(PortApi.BASE + "/projects").body().toString()).contains("杭甬运河越城段航道疏浚工程", "2020年工作清单");
    }

    @Test
    void zhujisDemoFilesStartAtTheOpeningOfDiankouPort() throws IOException {
        ApiSession admin = importAll("zhuji");
        Path dir = dir("zhuji");
        Map<String, Object> total = line(admin, 2024, 12, "throughput");
        assertThat(number(total, "yearToDate")).isEqualByComparingTo(sum(dir.resolve("monthly-statistics-2024.csv"), 5));
        assertThat(number(total, "lastYearToDate")).as("before the opening the port counts as zero")
                .isEqualByComparingTo(sum(dir.resolve("monthly-statistics-2023.csv"), 5));
        assertThat(total.get("yearToDateChangePercent")).isNotNull();
        Map<String, Object> may = line(admin, 2023, 5, "throughput");
        assertThat(number(may, "month")).isEqualByComparingTo("0");
        assertThat(may.get("monthChangeUnknown")).isEqualTo("BASE_ZERO");
        assertThat(admin.getAny(PortApi.BASE + "/ports").body().toString()).contains("店口港", "2023-06-28", "店口作业区");
    }

    /** Imports the bureau's files in name order through the importer their names start with. */
    private ApiSession importAll(String bureau) throws IOException {
        ApiSession admin = ApiSession.demo(client, bureau, "admin");
        assertThat(admin.put("/api/tenants/" + bureau + "/modules/port-throughput", Map.of()).code()).isEqualTo(200);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir(bureau))) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String importer = IMPORTERS.stream().filter(name::startsWith).findFirst()
                    .orElseThrow(() -> new AssertionError("no importer for " + name));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines.subList(1, lines.size())).as("every row of %s names its source", name)
                    .allMatch(l -> l.endsWith("合成演示数据") || l.contains("工作清单") || l.contains("工作总结"));
            var outcome = importFile(admin, importer, name, Files.readAllBytes(file));
            assertThat(problems(outcome)).as(name).isEmpty();
            assertThat(count(outcome, "accepted")).as(name).isEqualTo(lines.size() - 1);
        }
        return admin;
    }

    private static Path dir(String bureau) {
        return TENANTS.resolve(bureau).resolve("demo").resolve("port-throughput");
    }

    /** The sum of one column of a CSV (0-based), empty cells left out. */
    private static BigDecimal sum(Path csv, int column) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)[column]).filter(s -> !s.isEmpty())
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
