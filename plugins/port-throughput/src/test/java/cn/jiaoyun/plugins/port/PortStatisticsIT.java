package cn.jiaoyun.plugins.port;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.jiaoyun.plugins.port.PortApi.BASE;
import static cn.jiaoyun.plugins.port.PortApi.count;
import static cn.jiaoyun.plugins.port.PortApi.importCsv;
import static cn.jiaoyun.plugins.port.PortApi.importFile;
import static cn.jiaoyun.plugins.port.PortApi.line;
import static cn.jiaoyun.plugins.port.PortApi.number;
import static cn.jiaoyun.plugins.port.PortApi.problems;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly statistics through the API of the jar Maven built: a good file, a file with bad lines
 * (nothing written, every problem named), an idempotent re-import, export → import round trip,
 * year-to-date and year-on-year with missing months, the published indicators, and Zhuji seeing
 * and changing nothing of Shaoxing's.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortStatisticsIT {

    /** 2023 Q1 for both areas, 2022 with February of 柯桥港区 missing, water transport for 2023-01 and 2023-03. */
    private static final String GOOD = """
            月份,港口,作业区,货类,方向,吞吐量（万吨）,集装箱(TEU),来源
            2023-01,绍兴港,越城港区,矿建材料,进港,12.5,,测试
            2023-01,绍兴港,越城港区,集装箱,出港,2,1500,测试
            2023-01,绍兴港,柯桥港区,钢铁,进港,3.25,,测试
            2023年2月,绍兴港,越城港区,矿建材料,进港,10,,测试
            2023-02,绍兴港,柯桥港区,钢铁,进港,0,,测试
            2023/3,绍兴港,越城港区,矿建材料,进港,14,,测试
            2023-03,绍兴港,柯桥港区,钢铁,出港,4,,测试
            2022-01,绍兴港,越城港区,矿建材料,进港,10,,测试
            2022-01,绍兴港,柯桥港区,钢铁,进港,2,,测试
            2022-02,绍兴港,越城港区,矿建材料,进港,8,,测试
            2022-03,绍兴港,越城港区,矿建材料,进港,12,,测试
            2022-03,绍兴港,柯桥港区,钢铁,进港,2,,测试
            """;
    private static final String WATER = """
            月份,水路货运量(万吨),货物周转量(万吨公里),货物公转水(万吨),来源
            2023-01,130.5,19575,11.2,测试
            2023-03,140,,12,测试
            """;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    ApiSession platform;
    ApiSession shaoxing;
    ApiSession zhuji;
    long yuecheng;

    @BeforeAll
    void install() throws Exception {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("jiaoyun.plugin.jar")));
        assertThat(platform.upload("/api/admin/plugins", "port-throughput.jar", jar, Map.of()).code()).isEqualTo(201);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(shaoxing.put("/api/tenants/shaoxing/modules/port-throughput", Map.of()).code()).isEqualTo(200);
        assertThat(zhuji.put("/api/tenants/zhuji/modules/port-throughput", Map.of()).code()).isEqualTo(200);
        Object port = shaoxing.post(BASE + "/ports", Map.of("name", "绍兴港")).body().get("id");
        yuecheng = ((Number) shaoxing.post(BASE + "/ports/" + port + "/areas", Map.of("name", "越城港区")).body().get("id")).longValue();
        assertThat(shaoxing.post(BASE + "/ports/" + port + "/areas", Map.of("name", "柯桥港区")).code()).isEqualTo(201);
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/port-throughput?purge=true");
    }

    @Test
    @Order(1)
    void aFileWithBadLinesWritesNothingAndNamesEveryProblem() {
        var outcome = importCsv(shaoxing, "monthly-statistics", """
                月份,港口,作业区,货类,方向,吞吐量(万吨),集装箱(TEU),来源
                2023-04,绍兴港,越城港区,矿建材料,进港,12.5,,测试
                2023-13,绍兴港,越城港区,水泥,进港,1,,测试
                2023-04,绍兴港,滨海港区,水泥,进港,1,,测试
                2023-04,绍兴港,柯桥港区,集装箱,进港,2,,测试
                2023-04,绍兴港,柯桥港区,钢铁,进港,-3,,测试
                2023-04,绍兴港,柯桥港区,钢铁,出港,abc,,测试
                2023-04,绍兴港,越城港区,矿建材料,进港,9,,测试
                2023-04,杭州港,越城港区,水泥,进港,1,,测试
                2023-04,绍兴港,越城港区,大米,来回,1,,测试
                """);
        assertThat(count(outcome, "accepted")).isZero();
        assertThat(count(outcome, "skipped")).isZero();
        List<String> problems = problems(outcome).stream()
                .map(p -> p.get("line") + "|" + p.get("field") + "|" + p.get("message")).toList();
        assertThat(problems).anyMatch(p -> p.startsWith("3|月份|") && p.contains("2023-13"))
                .anyMatch(p -> p.startsWith("4|作业区|") && p.contains("没有作业区“滨海港区”"))
                .anyMatch(p -> p.startsWith("5|集装箱(TEU)|") && p.contains("TEU"))
                .anyMatch(p -> p.startsWith("6|吞吐量(万吨)|") && p.contains("负数"))
                .anyMatch(p -> p.startsWith("7|吞吐量(万吨)|") && p.contains("abc"))
                .anyMatch(p -> p.startsWith("8|方向|") && p.contains("第 2 行重复"))
                .anyMatch(p -> p.startsWith("9|港口|") && p.contains("杭州港"))
                .anyMatch(p -> p.startsWith("10|货类|") && p.contains("大米"))
                .anyMatch(p -> p.startsWith("10|方向|") && p.contains("来回"));
        assertThat(problems).noneMatch(p -> p.startsWith("2|"));
        assertThat(shaoxing.get(BASE + "/statistics/2023/4").body().get("throughput").toString()).isEqualTo("[]");
        assertThat(indicator("shaoxing", "port.throughput", "2023-04-01")).isEmpty();
    }

    @Test
    @Order(2)
    void aGoodFileImportsOnceAndAgainChangesNothing() {
        var first = importCsv(shaoxing, "monthly-statistics", GOOD);
        assertThat(problems(first)).isEmpty();
        assertThat(count(first, "accepted")).isEqualTo(12);
        var water = importCsv(shaoxing, "monthly-statistics", WATER);
        assertThat(problems(water)).isEmpty();
        assertThat(count(water, "accepted")).isEqualTo(2);
        var again = importCsv(shaoxing, "monthly-statistics", GOOD);
        assertThat(count(again, "accepted")).isZero();
        assertThat(count(again, "skipped")).isEqualTo(12);
        var month = shaoxing.get(BASE + "/statistics/2023/1").body();
        assertThat(month.get("throughput").toString()).contains("越城港区", "CONTAINER", "teu=1500", "wanTonnes=3.25");
        assertThat(month.get("water").toString()).contains("freightWanTonnes=130.5", "turnoverWanTonneKm=19575");
    }

    @Test
    @Order(3)
    void yearToDateAndYearOnYearLeaveMissingMonthsUnknown() {
        Map<String, Object> total = line(shaoxing, 2023, 3, "throughput");
        assertThat(number(total, "month")).isEqualByComparingTo("18");
        assertThat(number(total, "monthLastYear")).isEqualByComparingTo("14");
        assertThat(number(total, "monthChangePercent")).isEqualByComparingTo("28.6");
        assertThat(number(total, "yearToDate")).isEqualByComparingTo("45.75");
        assertThat(total.get("lastYearToDate")).as("2022-02 of 柯桥港区 is missing").isNull();
        assertThat(total.get("yearToDateChangePercent")).isNull();
        assertThat(total.get("yearToDateChangeUnknown")).isEqualTo("BASE_UNKNOWN");
        assertThat(total.get("complete")).isEqualTo(false);
        assertThat(total.get("notes").toString()).contains("2022年2月", "柯桥港区 未填报");

        Map<String, Object> teu = line(shaoxing, 2023, 1, "teu");
        assertThat(number(teu, "month")).isEqualByComparingTo("1500");
        assertThat(number(teu, "monthLastYear")).isEqualByComparingTo("0");
        assertThat(teu.get("monthChangeUnknown")).isEqualTo("BASE_ZERO");

        Map<String, Object> freight = line(shaoxing, 2023, 3, "water_freight");
        assertThat(number(freight, "month")).isEqualByComparingTo("140");
        assertThat(freight.get("yearToDate")).as("2023-02 has no water figures").isNull();
        assertThat(freight.get("notes").toString()).contains("2023年2月");
        assertThat(line(shaoxing, 2023, 3, "water_turnover").get("month")).as("an empty cell is unknown").isNull();
        assertThat(number(line(shaoxing, 2023, 1, "road_to_water"), "yearToDate")).isEqualByComparingTo("11.2");
    }

    @Test
    @Order(4)
    void indicatorsArePublishedPerMonthAndUnknownMonthsAreNotZero() {
        assertThat(indicator("shaoxing", "port.throughput", "2023-01-01")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("17.75"));
        assertThat(indicator("shaoxing", "port.teu", "2023-01-01")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1500"));
        assertThat(indicator("shaoxing", "port.throughput", "2022-02-01")).as("an area missing: unknown, not 8").isEmpty();
        assertThat(indicator("shaoxing", "port.water_turnover", "2023-03-01")).isEmpty();
        assertThat(indicator("shaoxing", "port.road_to_water", "2023-03-01")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12"));

        // the month's form replaces March without 柯桥港区: the month becomes unknown and is published so
        var r = shaoxing.put(BASE + "/statistics/2023/3", Map.of("throughput", List.of(Map.of("areaId", yuecheng,
                "cargoClass", "矿建材料", "direction", "进港", "wanTonnes", 15))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        assertThat(indicator("shaoxing", "port.throughput", "2023-03-01")).isEmpty();
        assertThat(line(shaoxing, 2023, 3, "throughput").get("month")).isNull();
        var bad = shaoxing.put(BASE + "/statistics/2023/3", Map.of("throughput", List.of(Map.of("areaId", yuecheng,
                "cargoClass", "集装箱", "direction", "进港", "wanTonnes", 1))));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("throughput[0].teu");
        // and back: the import restores it and publishes it again
        importCsv(shaoxing, "monthly-statistics", GOOD);
        assertThat(indicator("shaoxing", "port.throughput", "2023-03-01")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("18"));
    }

    @Test
    @Order(5)
    void theExportImportsBackUnchanged() throws Exception {
        byte[] xlsx = client.toBlocking().retrieve(HttpRequest.GET(BASE + "/statistics/2023.xlsx").bearerAuth(shaoxing.token()), byte[].class);
        List<List<String>> before = rows(xlsx);
        assertThat(before.get(0)).startsWith("月份", "港口", "作业区", "货类", "方向", "吞吐量(万吨)", "集装箱(TEU)");
        assertThat(before).hasSize(1 + 7 + 1 + 2); // throughput header and lines, water header and lines
        var back = importFile(shaoxing, "monthly-statistics", "导出.xlsx", xlsx);
        assertThat(problems(back)).isEmpty();
        assertThat(count(back, "accepted")).isZero();
        assertThat(count(back, "skipped")).isEqualTo(9);
        byte[] again = client.toBlocking().retrieve(HttpRequest.GET(BASE + "/statistics/2023.xlsx").bearerAuth(shaoxing.token()), byte[].class);
        assertThat(rows(again)).isEqualTo(before);
        byte[] template = client.toBlocking().retrieve(HttpRequest.GET(BASE + "/statistics/template.xlsx").bearerAuth(shaoxing.token()), byte[].class);
        var empty = importFile(shaoxing, "monthly-statistics", "模板.xlsx", template);
        assertThat(problems(empty)).isEmpty();
        assertThat(count(empty, "accepted") + count(empty, "skipped")).isZero();
        assertThat(shaoxing.get(BASE + "/statistics/2023.csv").code()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void zhujiSeesAndChangesNothingOfShaoxing() {
        assertThat(zhuji.get(BASE + "/statistics/2023/1").body().get("throughput").toString()).isEqualTo("[]");
        assertThat(line(zhuji, 2023, 3, "throughput").get("month")).isNull();
        assertThat(zhuji.getAny(BASE + "/ports").body().toString()).isEqualTo("[]");
        var foreign = zhuji.put(BASE + "/statistics/2023/1", Map.of("throughput", List.of(Map.of("areaId", yuecheng,
                "cargoClass", "矿建材料", "direction", "进港", "wanTonnes", 1))));
        assertThat(foreign.code()).isEqualTo(400);
        assertThat(foreign.body().toString()).contains("throughput[0].areaId");
        var file = importCsv(zhuji, "monthly-statistics", GOOD);
        assertThat(count(file, "accepted")).isZero();
        assertThat(problems(file)).hasSize(12).allMatch(p -> p.get("message").toString().contains("没有港口“绍兴港”"));
        assertThat(indicator("zhuji", "port.throughput", "2023-01-01")).isEmpty();
        assertThat(line(shaoxing, 2023, 1, "throughput").get("month")).isNotNull();
        assertThat(number(line(shaoxing, 2023, 1, "throughput"), "month")).isEqualByComparingTo("17.75");
    }

    /** The published value of an indicator, empty when there is no row or its value is unknown. */
    private Optional<BigDecimal> indicator(String bureau, String code, String month) {
        return Optional.ofNullable(tx.withConnection(bureau, true, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select value from indicator_value where indicator_code = ? and month = ?::date")) {
                ps.setString(1, code);
                ps.setString(2, month);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1) : null;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Every row of every sheet, cells as text. */
    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(cell -> cells.add(switch (cell.getCellType()) {
                        case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                        default -> cell.getStringCellValue();
                    }));
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
