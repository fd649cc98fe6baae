package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.bureau.BureauStartup;
import cn.jiaoyun.core.demo.DemoFigures;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bureau's monthly figures: entry in the unit staff write (亿元 into 万元), withheld months,
 * annual targets and completion, year on year, all-or-nothing entries and .xlsx imports that name
 * every wrong cell, roles, and another bureau's figures out of reach in the API and the database.
 */
@JiaoyunTest
class BureauFiguresTest {

    private static final String INVEST = "invest.effective";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    BureauStartup bureaus;
    @Inject
    DemoFigures demoFigures;

    private static Map<String, Object> entry(String code, int month, Object value, String unit) {
        return value == null ? Map.of("code", code, "month", month, "withheld", false)
                : Map.of("code", code, "month", month, "value", value, "unit", unit, "withheld", false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> sheet, String code) {
        return ((List<Map<String, Object>>) sheet.get("rows")).stream()
                .filter(r -> code.equals(((Map<?, ?>) r.get("indicator")).get("code"))).findFirst().orElseThrow();
    }

    private static BigDecimal number(Object o) {
        return new BigDecimal(o.toString());
    }

    @Test
    void monthsAreEnteredInTheUnitStaffWriteAndAddUpWithTheirTarget() {
        ApiSession reporter = ApiSession.demo(client, "zhuji", "reporter");
        HttpResponse<Map<String, Object>> r = reporter.put("/api/figures/2018/values", Map.of("entries", List.of(
                entry(INVEST, 1, 1, "亿元"), entry(INVEST, 2, 20000, "万元"), entry(INVEST, 3, "3.5", "亿元"))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        r = reporter.put("/api/figures/2017/values", Map.of("entries", List.of(
                entry(INVEST, 1, 10000, "万元"), entry(INVEST, 2, 10000, "万元"), entry(INVEST, 3, 20000, "万元"))));
        assertThat(r.code()).isEqualTo(200);
        ApiSession supervisor = ApiSession.demo(client, "zhuji", "supervisor");
        assertThat(supervisor.put("/api/figures/2018/targets/" + INVEST, Map.of("value", 26, "unit", "亿元")).code()).isEqualTo(204);

        Map<String, Object> invest = row(reporter.get("/api/figures/2018?through=3").body(), INVEST);
        Map<?, ?> ytd = (Map<?, ?>) invest.get("yearToDate");
        assertThat(number(ytd.get("value"))).as("1亿 + 2亿 + 3.5亿 in 万元").isEqualByComparingTo("65000");
        assertThat(ytd.get("complete")).isEqualTo(true);
        assertThat(number(invest.get("target"))).isEqualByComparingTo("260000");
        assertThat(number(invest.get("completion"))).isEqualByComparingTo("25");
        assertThat(number(invest.get("yearOnYear"))).as("65000 against 40000").isEqualByComparingTo("62.5");
        assertThat(invest.get("moduleOwned")).isEqualTo(false);

        // February withheld: the period is no longer complete, and there is no year on year
        assertThat(reporter.put("/api/figures/2018/values", Map.of("entries", List.of(
                Map.of("code", INVEST, "month", 2, "withheld", true)))).code()).isEqualTo(200);
        invest = row(reporter.get("/api/figures/2018?through=3").body(), INVEST);
        assertThat(((Map<?, ?>) invest.get("yearToDate")).get("complete")).isEqualTo(false);
        assertThat(number(((Map<?, ?>) invest.get("yearToDate")).get("value"))).isEqualByComparingTo("45000");
        assertThat(invest).doesNotContainKey("yearOnYear");
        // cleared: unknown again, and the audit log says who did what
        assertThat(reporter.put("/api/figures/2018/values", Map.of("entries", List.of(entry(INVEST, 2, null, null))))
                .code()).isEqualTo(200);
        assertThat(((List<?>) row(reporter.get("/api/figures/2018?through=3").body(), INVEST).get("months"))).hasSize(2);
        assertThat(ApiSession.demo(client, "zhuji", "admin").getAny("/api/audit").body().toString())
                .contains("FIGURES_ENTERED").contains("INDICATOR_TARGET_SET");
    }

    @Test
    void oneWrongEntrySavesNothingAndEveryWrongOneIsNamed() {
        ApiSession reporter = ApiSession.demo(client, "zhuji", "reporter");
        HttpResponse<Map<String, Object>> r = reporter.put("/api/figures/2020/values", Map.of("entries", List.of(
                entry("approvals.handled", 1, 500, "件"),
                entry("no.such", 1, 5, "件"),
                entry("approvals.handled", 13, 5, "件"),
                entry(INVEST, 2, 5, "万吨"),
                entry("safety.rectification_rate", 2, 250, "%"),
                entry("approvals.handled", 1, 5, "件"),
                entry("approvals.handled", 12, 5, "件"))));
        assertThat(r.code()).isEqualTo(400);
        String body = r.body().toString();
        assertThat(body).contains("entries[1].code", "no.such", "entries[2].month", "entries[3].unit", "万吨",
                "entries[4].value", "250", "0 至 100").doesNotContain("entries[0]").doesNotContain("entries[5]");
        assertThat(row(reporter.get("/api/figures/2020?through=12").body(), "approvals.handled").get("months"))
                .as("nothing of the good entries was saved").isEqualTo(List.of());

        HttpResponse<Map<String, Object>> future = reporter.put("/api/figures/2999/values",
                Map.of("entries", List.of(entry("approvals.handled", 1, 5, "件"))));
        assertThat(future.code()).isEqualTo(400);
        assertThat(future.body().toString()).contains("2999-1");
        assertThat(ApiSession.demo(client, "zhuji", "viewer").put("/api/figures/2020/values",
                Map.of("entries", List.of(entry("approvals.handled", 1, 5, "件")))).code()).isEqualTo(403);
        assertThat(reporter.put("/api/figures/2020/targets/approvals.handled", Map.of("value", 5)).code()).isEqualTo(403);
    }

    @Test
    void theWorkbookRoundTripsAndABadCellRefusesTheWholeFile() throws Exception {
        ApiSession admin = ApiSession.demo(client, "liuyang", "admin");
        assertThat(admin.put("/api/figures/2021/values", Map.of("entries", List.of(entry("transport.freight", 1, 120, "万吨"))))
                .code()).isEqualTo(200);
        byte[] exported = client.toBlocking().exchange(HttpRequest.GET("/api/figures/2021.xlsx").bearerAuth(admin.token()),
                byte[].class).body();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("指标编码");
            Row freight = find(sheet, "transport.freight");
            assertThat(freight.getCell(4).getNumericCellValue()).isEqualTo(120.0);
            freight.createCell(5).setCellValue(130);
            Row approvals = find(sheet, "approvals.handled");
            approvals.createCell(2).setCellValue("件");
            approvals.createCell(3).setCellValue(5000);
            approvals.createCell(4).setCellValue(400);
            approvals.createCell(5).setCellValue("*");
            Row invest = find(sheet, INVEST);
            invest.getCell(2).setCellValue("亿元");
            invest.createCell(4).setCellValue(1.5);
            filled = bytes(book);
            invest.createCell(6).setCellValue("约三千");
            find(sheet, "transport.ton_km").getCell(2).setCellValue("万人");
            byte[] bad = bytes(book);

            HttpResponse<Map<String, Object>> refused = admin.upload("/api/figures/2021/import", "浏阳2021.xlsx", bad, Map.of());
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.body().toString()).contains("浏阳2021.xlsx").contains("第 " + (invest.getRowNum() + 1) + " 行“3月”")
                    .contains("约三千").contains("万人");
            assertThat(row(admin.get("/api/figures/2021?through=12").body(), "transport.freight").get("months").toString())
                    .as("nothing imported").doesNotContain("130");
        }
        HttpResponse<Map<String, Object>> imported = admin.upload("/api/figures/2021/import", "浏阳2021.xlsx", filled, Map.of());
        assertThat(imported.code()).as("%s", imported.body()).isEqualTo(200);
        assertThat(imported.body()).containsEntry("months", 5).containsEntry("targets", 1);
        Map<String, Object> sheet = admin.get("/api/figures/2021?through=2").body();
        assertThat(number(((Map<?, ?>) row(sheet, "transport.freight").get("yearToDate")).get("value"))).isEqualByComparingTo("250");
        assertThat(number(((Map<?, ?>) row(sheet, INVEST).get("yearToDate")).get("value"))).isEqualByComparingTo("15000");
        assertThat(row(sheet, "approvals.handled").get("months").toString()).contains("withheld=true");
        assertThat(number(row(sheet, "approvals.handled").get("target"))).isEqualByComparingTo("5000");
    }

    @Test
    void anotherBureausFiguresAreOutOfReach() {
        ApiSession shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(shaoxing.put("/api/figures/2019/values", Map.of("entries", List.of(entry("bus.ridership", 5, 777, "万人次"))))
                .code()).isEqualTo(200);
        assertThat(row(ApiSession.demo(client, "zhuji", "admin").get("/api/figures/2019?through=12").body(), "bus.ridership")
                .get("months")).isEqualTo(List.of());
        assertThatThrownBy(() -> tx.withConnection("zhuji", false, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into indicator_value (tenant_id, indicator_code, month, value, source)
                    values ('shaoxing', 'bus.ridership', date '2019-06-01', 1, 'forgot')""")) {
                return ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasStackTraceContaining("row-level security");
        Integer changed = tx.withConnection("zhuji", false, c -> {
            try (PreparedStatement ps = c.prepareStatement("update indicator_value set value = 0 where tenant_id = 'shaoxing'")) {
                return ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(changed).isZero();
    }

    @Test
    void theDemoFiguresReproduceZhujisSummary() {
        BureauDefinitionFiles.Entry zhuji = bureaus.lastRead().stream()
                .filter(e -> e.valid() && "zhuji".equals(e.definition().code())).findFirst().orElseThrow();
        assertThat(demoFigures.ensure(zhuji)).isEqualTo(2);
        assertThat(demoFigures.ensure(zhuji)).as("a second start loads nothing").isZero();
        Map<String, Object> invest = row(ApiSession.demo(client, "zhuji", "viewer").get("/api/figures/2023?through=12").body(), INVEST);
        BigDecimal year = number(((Map<?, ?>) invest.get("yearToDate")).get("value"));
        assertThat(Units.money(year)).isEqualTo("61.4亿元");
        assertThat(Numbers.rounded(number(invest.get("completion")), 0)).as("完成年度任务的154%").isEqualTo("154");
        assertThat(Numbers.rounded(number(invest.get("yearOnYear")), 1)).as("同比增长69.9%").isEqualTo("69.9");
        assertThat(((List<?>) invest.get("months")).toString()).contains("诸暨市交通运输局2023年工作总结").contains("合成");
    }

    private static Row find(org.apache.poi.ss.usermodel.Sheet sheet, String code) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && code.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static byte[] bytes(XSSFWorkbook book) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
