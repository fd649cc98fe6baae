package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.test.ApiSession;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's API as the integration tests use it: installing the jar Maven built, enabling it
 * for bureaus, importing files and reading the month's summary.
 */
final class RuralApi {

    static final String BASE = "/api/modules/rural-roads";
    static final String HEADER = "年月,项目编号,项目名称,项目类型,乡镇,当月完成里程（公里）,当月完成投资（万元）,计划里程（公里）,计划投资（万元）,项目状态,完工日期,数据来源\n";

    private RuralApi() {
    }

    /** Installs the module jar as the platform administrator; returns the platform session. */
    static ApiSession install(HttpClient client) throws IOException {
        ApiSession platform = ApiSession.demo(client, null, "platform");
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("jiaoyun.plugin.jar")));
        HttpResponse<Map<String, Object>> installed = platform.upload("/api/admin/plugins", "rural-roads.jar", jar, Map.of());
        assertThat(installed.code()).as("%s", installed.body()).isEqualTo(201);
        return platform;
    }

    /** The bureau's administrator, with the module enabled for the bureau. */
    static ApiSession enabled(HttpClient client, String bureau) {
        ApiSession admin = ApiSession.demo(client, bureau, "admin");
        assertThat(admin.put("/api/tenants/" + bureau + "/modules/rural-roads", Map.of()).code()).isEqualTo(200);
        return admin;
    }

    /** The module's importers, so ordered that a file name finds the one it starts with. */
    static final List<String> IMPORTERS = List.of("monthly-statistics", "logistics-points", "road-network", "road-survey",
            "demo-towns", "bay-stops");

    /** The demo files of a bureau, in the order the host's demo loading imports them (by name). */
    static List<Path> demoFiles(String bureau) throws IOException {
        Path dir = cn.jiaoyun.test.JiaoyunTestContextBuilder.repositoryRoot().resolve("tenants").resolve(bureau)
                .resolve("demo").resolve("rural-roads");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(csv|xlsx)")).sorted().toList();
        }
    }

    /** The importer a demo file goes through: the one its name starts with. */
    static String importer(Path file) {
        String name = file.getFileName().toString();
        return IMPORTERS.stream().filter(i -> name.startsWith(i + "-") || name.startsWith(i + "."))
                .findFirst().orElseThrow(() -> new AssertionError("no importer for " + file));
    }

    /** Imports a demo file through its importer; returns the outcome. */
    static Map<String, Object> importDemo(ApiSession session, Path file) throws IOException {
        return importFile(session, importer(file), file.getFileName().toString(), Files.readAllBytes(file));
    }

    /** Imports a file through the {@code monthly-statistics} importer; returns the outcome. */
    static Map<String, Object> importFile(ApiSession session, String fileName, byte[] content) {
        return importFile(session, MonthlyStatistics.IMPORTER, fileName, content);
    }

    /** Imports a file through one of the module's importers; returns the outcome. */
    static Map<String, Object> importFile(ApiSession session, String importer, String fileName, byte[] content) {
        HttpResponse<Map<String, Object>> r = session.upload(BASE + "/imports/" + importer, fileName, content, Map.of());
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        return r.body();
    }

    static Map<String, Object> importCsv(ApiSession session, String rows) {
        return importFile(session, "statistics.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> problems(Map<String, Object> outcome) {
        return (List<Map<String, Object>>) outcome.get("problems");
    }

    /** One indicator's line of {@code GET /summary/{year}/{month}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> line(ApiSession session, int year, int month, String code) {
        HttpResponse<Map<String, Object>> r = session.get(BASE + "/summary/" + year + "/" + month);
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) r.body().get("indicators")).stream()
                .filter(l -> code.equals(l.get("code"))).findFirst().orElseThrow();
    }

    static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    /** Downloads a year's workbook. */
    static byte[] export(HttpClient client, ApiSession session, int year) {
        HttpResponse<byte[]> r = client.toBlocking().exchange(HttpRequest.GET(BASE + "/statistics/" + year + ".xlsx")
                .bearerAuth(session.token()), byte[].class);
        assertThat(r.getContentType().map(Object::toString).orElse("")).contains("spreadsheetml.sheet");
        return r.body();
    }

    /** A workbook's first sheet as text, row by row. */
    static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
