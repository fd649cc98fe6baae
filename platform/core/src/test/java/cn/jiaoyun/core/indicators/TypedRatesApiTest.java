package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rates typed directly (58.13 for 隐患整改率 58.13 %) where numerator and denominator are unknown:
 * stored without parts and marked entered; a value computed from both parts takes precedence; a
 * period's rate is the summed parts when every month has them, else the latest rate, flagged
 * entered (never a sum or an average of rates); 0–100 for %, a wrong entry refuses the whole
 * request. And no indicator of the catalog is left that nothing can fill.
 */
@JiaoyunTest
class TypedRatesApiTest {

    private static final String RECTIFICATION = "safety.rectification_rate";
    private static final String ON_TIME = "approvals.on_time_rate";
    private static final String NON_SITE = "enforcement.non_site_share";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    IndicatorCatalog catalog;

    private static Map<String, Object> typed(String code, int month, Object value) {
        return Map.of("code", code, "month", month, "value", value, "unit", "%", "withheld", false);
    }

    private static Map<String, Object> parts(String code, int month, Object numerator, Object denominator) {
        return Map.of("code", code, "month", month, "numerator", numerator, "denominator", denominator, "withheld",
                false);
    }

    private static BigDecimal number(Object o) {
        return new BigDecimal(o.toString());
    }

    @Test
    void aTypedRateIsStoredAndMarkedAsEntered() {
        ApiSession reporter = ApiSession.demo(client, "liuyang", "reporter");
        HttpResponse<Map<String, Object>> r = reporter.put("/api/figures/2015/values",
                Map.of("entries", List.of(typed(RECTIFICATION, 1, "58.13"))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        Map<String, Object> row = OwnIndicatorsApiTest.row(reporter.get("/api/figures/2015?through=1").body(),
                RECTIFICATION);
        Map<?, ?> january = (Map<?, ?>) ((List<?>) row.get("months")).get(0);
        assertThat(number(january.get("value"))).isEqualByComparingTo("58.13");
        assertThat(january.get("entered")).isEqualTo(true);
        assertThat(january.get("source")).isEqualTo("entry");
        Map<?, ?> ytd = (Map<?, ?>) row.get("yearToDate");
        assertThat(number(ytd.get("value"))).isEqualByComparingTo("58.13");
        assertThat(ytd.get("entered")).isEqualTo(true);
        assertThat(ytd.get("complete")).isEqualTo(true);
        assertThat(stored("liuyang", RECTIFICATION, "2015-01-01")).as("value, numerator, denominator")
                .containsExactly("58.13", null, null);
    }

    @Test
    void aRateOutOfBoundsIsRefusedNamingTheFieldAndNothingIsWritten() {
        ApiSession reporter = ApiSession.demo(client, "liuyang", "reporter");
        HttpResponse<Map<String, Object>> r = reporter.put("/api/figures/2015/values", Map.of("entries", List.of(
                typed(NON_SITE, 5, 40), typed(RECTIFICATION, 5, 250), typed(ON_TIME, 5, -1),
                parts(ON_TIME, 6, 11, 10), parts(ON_TIME, 7, 1, 0))));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().toString()).contains("entries[1].value").contains("250").contains("0 至 100")
                .contains("entries[2].value").contains("entries[3].numerator").contains("entries[4].denominator")
                .doesNotContain("entries[0]");
        assertThat(stored("liuyang", NON_SITE, "2015-05-01")).as("the good entry was not saved either").isNull();
        assertThat(stored("liuyang", RECTIFICATION, "2015-05-01")).isNull();
        HttpResponse<Map<String, Object>> english = ApiSession.send(client.toBlocking(),
                HttpRequest.PUT("/api/figures/2015/values",
                Map.of("entries", List.of(typed(RECTIFICATION, 5, 250)))).bearerAuth(reporter.token())
                        .header("Accept-Language", "en"));
        assertThat(english.body().toString()).contains("out of range");
        HttpResponse<Map<String, Object>> target = ApiSession.demo(client, "liuyang", "admin")
                .put("/api/figures/2015/targets/" + RECTIFICATION, Map.of("value", 250));
        assertThat(target.code()).isEqualTo(400);
        assertThat(target.body().toString()).contains("value");
    }

    @Test
    void aComputedValueTakesPrecedenceOverATypedOne() {
        ApiSession reporter = ApiSession.demo(client, "liuyang", "reporter");
        Map<String, Object> both = new HashMap<>(parts(RECTIFICATION, 2, 45, 50));
        both.put("value", 10);
        assertThat(reporter.put("/api/figures/2015/values", Map.of("entries", List.of(both))).code()).isEqualTo(200);
        assertThat(stored("liuyang", RECTIFICATION, "2015-02-01")).as("45 of 50, not the 10 typed with them")
                .containsExactly("90", "45", "50");

        HttpResponse<Map<String, Object>> over = reporter.put("/api/figures/2015/values",
                Map.of("entries", List.of(typed(NON_SITE, 2, 30), typed(RECTIFICATION, 2, 70))));
        assertThat(over.code()).isEqualTo(400);
        assertThat(over.body().toString()).contains("entries[1].value").contains("以计算值为准").contains("90");
        assertThat(stored("liuyang", RECTIFICATION, "2015-02-01")).element(0).isEqualTo("90");
        assertThat(stored("liuyang", NON_SITE, "2015-02-01")).as("nothing half-written").isNull();

        // the computed value itself (as an exported workbook sends it back) changes nothing
        assertThat(reporter.put("/api/figures/2015/values", Map.of("entries", List.of(typed(RECTIFICATION, 2, 90))))
                .code()).isEqualTo(200);
        assertThat(stored("liuyang", RECTIFICATION, "2015-02-01"))
                .containsExactly("90", "45", "50");
        Map<String, Object> row = OwnIndicatorsApiTest.row(reporter.get("/api/figures/2015?through=2").body(),
                RECTIFICATION);
        Map<?, ?> february = ((List<?>) row.get("months")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> ((Number) m.get("month")).intValue() == 2).findFirst().orElseThrow();
        assertThat(february.get("entered")).isEqualTo(false);
        // cleared, the month takes a typed rate again
        assertThat(reporter.put("/api/figures/2015/values", Map.of("entries", List.of(
                Map.of("code", RECTIFICATION, "month", 2, "withheld", false)))).code()).isEqualTo(200);
        assertThat(reporter.put("/api/figures/2015/values", Map.of("entries", List.of(typed(RECTIFICATION, 2, 70))))
                .code()).isEqualTo(200);
        assertThat(stored("liuyang", RECTIFICATION, "2015-02-01")).containsExactly("70", null, null);
    }

    @Test
    void aPeriodsRateIsItsSummedPartsOrElseItsLatestRateNeverASum() {
        ApiSession reporter = ApiSession.demo(client, "liuyang", "reporter");
        assertThat(reporter.put("/api/figures/2015/values", Map.of("entries", List.of(
                parts(ON_TIME, 1, 9, 10), parts(ON_TIME, 2, 19, 20),
                typed(NON_SITE, 1, 40), typed(NON_SITE, 2, 50)))).code()).isEqualTo(200);
        Map<?, ?> ytd = ytd(reporter, ON_TIME, 2);
        assertThat(number(ytd.get("value")).doubleValue()).as("28 of 30").isCloseTo(93.333,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(ytd.get("entered")).isEqualTo(false);
        assertThat(ytd.get("complete")).isEqualTo(true);
        ytd = ytd(reporter, NON_SITE, 2);
        assertThat(number(ytd.get("value"))).as("the latest typed rate, not 90 nor 45").isEqualByComparingTo("50");
        assertThat(ytd.get("entered")).isEqualTo(true);

        // March typed: the parts no longer cover every month, the latest rate stands for the period
        assertThat(reporter.put("/api/figures/2015/values", Map.of("entries", List.of(typed(ON_TIME, 3, 80))))
                .code()).isEqualTo(200);
        ytd = ytd(reporter, ON_TIME, 3);
        assertThat(number(ytd.get("value"))).isEqualByComparingTo("80");
        assertThat(ytd.get("entered")).isEqualTo(true);
        assertThat(ytd.get("complete")).isEqualTo(true);
        ytd = ytd(reporter, ON_TIME, 4);
        assertThat(number(ytd.get("value"))).isEqualByComparingTo("80");
        assertThat(ytd.get("complete")).as("April is unknown").isEqualTo(false);
        Indicator onTime = catalog.find(ON_TIME).orElseThrow();
        assertThat(catalog.yearToDate("liuyang", onTime, YearMonth.of(2015, 3))).as("what a fed target reads")
                .isEqualByComparingTo("80");
        assertThat(catalog.yearToDate("liuyang", onTime, YearMonth.of(2015, 2)).doubleValue())
                .isCloseTo(93.333, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aRegionRanksATypedRateOnItsLatestValue() {
        ApiSession reporter = ApiSession.demo(client, "zhuji", "reporter");
        assertThat(reporter.put("/api/figures/2012/values", Map.of("entries", List.of(
                typed(RECTIFICATION, 1, 60), typed(RECTIFICATION, 2, 70), parts(RECTIFICATION, 3, 3, 4)))).code())
                .isEqualTo(200);
        ApiSession city = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        HttpResponse<Map<String, Object>> r = city.get("/api/regions/330600/ranking?indicator=" + RECTIFICATION
                + "&period=ytd&year=2012&month=3");
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        Map<?, ?> zhuji = ((List<?>) r.body().get("lines")).stream().map(l -> (Map<?, ?>) l)
                .filter(l -> "zhuji".equals(l.get("bureau"))).findFirst().orElseThrow();
        Map<?, ?> period = (Map<?, ?>) zhuji.get("period");
        assertThat(number(period.get("value"))).as("March's 75 %, not 3 of 4 alone nor a sum")
                .isEqualByComparingTo("75");
        assertThat(period.get("entered")).isEqualTo(true);
        assertThat(zhuji.get("rank")).isNotNull();
    }

    @Test
    void theWorkbookCarriesTypedRatesAndRefusesOneOutOfBounds() throws Exception {
        ApiSession admin = ApiSession.demo(client, "liuyang", "admin");
        byte[] exported = client.toBlocking().exchange(HttpRequest.GET("/api/figures/2012.xlsx")
                .bearerAuth(admin.token()),
                byte[].class).body();
        byte[] good;
        byte[] bad;
        int line;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Row rate = find(book, RECTIFICATION);
            line = rate.getRowNum() + 1;
            rate.createCell(4).setCellValue(58.13);
            rate.createCell(5).setCellValue("61.5%");
            good = bytes(book);
            rate.createCell(6).setCellValue(250);
            bad = bytes(book);
        }
        HttpResponse<Map<String, Object>> refused = admin.upload("/api/figures/2012/import", "浏阳2012.xlsx", bad,
                Map.of());
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("第 " + line + " 行“3月”").contains("250");
        assertThat(stored("liuyang", RECTIFICATION, "2012-01-01")).as("nothing imported").isNull();
        HttpResponse<Map<String, Object>> imported = admin.upload("/api/figures/2012/import", "浏阳2012.xlsx", good,
                Map.of());
        assertThat(imported.code()).as("%s", imported.body()).isEqualTo(200);
        assertThat(stored("liuyang", RECTIFICATION, "2012-01-01")).containsExactly("58.13", null, null);
        assertThat(stored("liuyang", RECTIFICATION, "2012-02-01")).containsExactly("61.5", null, null);
        // exported again and sent back unchanged: the same figures
        byte[] again = client.toBlocking().exchange(HttpRequest.GET("/api/figures/2012.xlsx").bearerAuth(admin.token()),
                byte[].class).body();
        assertThat(admin.upload("/api/figures/2012/import", "浏阳2012.xlsx", again, Map.of()).code()).isEqualTo(200);
        assertThat(stored("liuyang", RECTIFICATION, "2012-02-01")).containsExactly("61.5", null, null);
    }

    /**
     * Every indicator of a bureau's catalog that is not a module's (the platform's core indicators,
     * rates included, and the bureau's own of every aggregation) takes a value through the figures
     * API; a module's indicators are filled by the module that publishes them.
     */
    @Test
    void noIndicatorOfTheCatalogIsLeftThatNothingCanFill() {
        ApiSession admin = ApiSession.demo(client, "liuyang", "admin");
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        for (String aggregation : List.of("SUM", "AVERAGE", "LAST", "RATIO")) {
            OwnIndicatorsApiTest.create(admin, "全目录" + aggregation + suffix, "RATIO".equals(aggregation) ? "%" : "件",
                    aggregation);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Indicator i : catalog.all("liuyang")) {
            if (i.moduleId() != null) {
                continue;
            }
            codes.add(i.code());
            entries.add(Map.of("code", i.code(), "month", 1, "value", "%".equals(i.unit()) ? "58.13" : "12",
                    "unit", i.unit(), "withheld", false));
        }
        assertThat(codes).contains(RECTIFICATION, ON_TIME, NON_SITE, "invest.effective");
        HttpResponse<Map<String, Object>> r = admin.put("/api/figures/2011/values", Map.of("entries", entries));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        Map<String, Object> sheet = admin.get("/api/figures/2011?through=1").body();
        for (String code : codes) {
            Map<String, Object> row = OwnIndicatorsApiTest.row(sheet, code);
            assertThat((List<?>) row.get("months")).as(code).hasSize(1);
            assertThat(((Map<?, ?>) row.get("yearToDate")).get("value")).as(code).isNotNull();
        }
    }

    private static Map<?, ?> ytd(ApiSession session, String code, int through) {
        return (Map<?, ?>) OwnIndicatorsApiTest.row(session.get("/api/figures/2015?through=" + through).body(), code)
                .get("yearToDate");
    }

    /** The stored value, numerator and denominator of a month, or null without a row. */
    private List<String> stored(String tenant, String code, String month) {
        return tx.withConnection(tenant, true, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select value, numerator, denominator from indicator_value"
                            + " where indicator_code = ? and month = ?::date")) {
                ps.setString(1, code);
                ps.setString(2, month);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    List<String> out = new ArrayList<>();
                    for (int k = 1; k <= 3; k++) {
                        BigDecimal v = rs.getBigDecimal(k);
                        out.add(v == null ? null : v.stripTrailingZeros().toPlainString());
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Row find(XSSFWorkbook book, String code) {
        for (Row r : book.getSheetAt(0)) {
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
