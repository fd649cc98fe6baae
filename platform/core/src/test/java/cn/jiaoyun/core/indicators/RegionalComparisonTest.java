package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.identity.PasswordHasher;
import cn.jiaoyun.core.identity.PlatformAccount;
import cn.jiaoyun.core.identity.PlatformAccountRepository;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A city's analyst ranks its county-level bureaus on a published indicator as the values stand:
 * complete periods ranked (ties share a rank), incomplete ones listed unranked, year on year,
 * completion of the annual target, change of rank; nothing unpublished, nothing outside the
 * region, no writes — through the API and in the database itself.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalComparisonTest {

    private static final String INVEST = "invest.effective";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    IndicatorValues values;
    @Inject
    TenantTransactions tx;
    @Inject
    PlatformAccountRepository accounts;
    @Inject
    PasswordHasher hasher;

    ApiSession city;

    @BeforeAll
    void figures() {
        // January to March 2023 and 2022; xinchang misses February 2023; shengzhou reports nothing
        month("zhuji", 2023, 100, 200, 300);
        month("zhuji", 2022, 60, 120, 220);
        month("keqiao", 2023, 300, 200, 200);
        month("keqiao", 2022, 100, 100, 100);
        month("yuecheng", 2023, 50, 50, 50);
        month("shangyu", 2023, 150, 150, 300);
        values.record("xinchang", INVEST, YearMonth.of(2023, 1), new BigDecimal("900"), "test");
        values.record("xinchang", INVEST, YearMonth.of(2023, 3), new BigDecimal("900"), "test");
        month("liuyang", 2023, 5000, 5000, 5000);
        values.target("zhuji", INVEST, 2023, new BigDecimal("1200"), "test");
        values.record("zhuji", "enforcement.fines", YearMonth.of(2023, 1), new BigDecimal("55"), "test");
        city = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);
    }

    private void month(String bureau, int year, int... amounts) {
        for (int m = 0; m < amounts.length; m++) {
            values.record(bureau, INVEST, YearMonth.of(year, m + 1), BigDecimal.valueOf(amounts[m]), "test");
        }
    }

    private static List<Map<String, Object>> lines(HttpResponse<Map<String, Object>> r) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) r.body().get("lines");
        return lines;
    }

    private static Map<String, Object> line(List<Map<String, Object>> lines, String bureau) {
        return lines.stream().filter(l -> bureau.equals(l.get("bureau"))).findFirst().orElseThrow();
    }

    private static BigDecimal value(Map<String, Object> line) {
        return new BigDecimal(((Map<?, ?>) line.get("period")).get("value").toString());
    }

    @Test
    void theCitysBureausAreRankedOnCompletePeriods() {
        HttpResponse<Map<String, Object>> r = city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=ytd&year=2023&month=3");
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        assertThat(r.body()).containsEntry("labelZh", "2023年1-3月");
        List<Map<String, Object>> lines = lines(r);
        assertThat(lines).extracting(l -> l.get("bureau"))
                .as("ranked first (a tie by code), then the incomplete and the silent; the city bureau itself and Hunan are no peers")
                .containsExactly("keqiao", "shangyu", "zhuji", "yuecheng", "xinchang", "shengzhou")
                .doesNotContain("shaoxing", "liuyang");
        assertThat(lines).extracting(l -> l.get("rank")).containsExactly(1, 2, 2, 4, null, null);
        assertThat(value(line(lines, "keqiao"))).isEqualByComparingTo("700");
        Map<String, Object> zhuji = line(lines, "zhuji");
        assertThat(value(zhuji)).isEqualByComparingTo("600");
        assertThat(new BigDecimal(zhuji.get("yearOnYear").toString())).as("600 against 400").isEqualByComparingTo("50");
        assertThat(new BigDecimal(zhuji.get("completion").toString())).as("600 of 1200").isEqualByComparingTo("50");
        Map<String, Object> xinchang = line(lines, "xinchang");
        assertThat(((Map<?, ?>) xinchang.get("period")).get("complete")).isEqualTo(false);
        assertThat(value(xinchang)).as("what is known is shown, not ranked").isEqualByComparingTo("1800");
        assertThat(line(lines, "keqiao").get("yearOnYear").toString()).isEqualTo("133.3333333333333");
        assertThat(line(lines, "shangyu")).doesNotContainKey("yearOnYear");
        assertThat(line(lines, "keqiao").get("synthetic")).isEqualTo(true);
        assertThat(zhuji.get("synthetic")).isEqualTo(false);

        // January to February: keqiao 500, zhuji 300, shangyu 300, yuecheng 100 → zhuji and shangyu were 2nd
        assertThat(zhuji.get("previousRank")).isEqualTo(2);
        assertThat(zhuji.get("rankChange")).isEqualTo(0);
    }

    @Test
    void aMonthAndAYearAreRankedTooAndAValueWrittenIsInTheNextRanking() {
        List<Map<String, Object>> march = lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=month&year=2023&month=3"));
        assertThat(march).extracting(l -> l.get("bureau")).startsWith("xinchang", "shangyu", "zhuji");
        Map<String, Object> xinchang = line(march, "xinchang");
        assertThat(xinchang.get("rank")).isEqualTo(1);
        assertThat(xinchang.get("previousRank")).as("no February: unranked then").isNull();

        values.record("yuecheng", INVEST, YearMonth.of(2023, 3), new BigDecimal("1000"), "test");
        try {
            List<Map<String, Object>> again = lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                    + "&period=month&year=2023&month=3"));
            assertThat(line(again, "yuecheng").get("rank")).isEqualTo(1);
            assertThat(line(again, "yuecheng").get("rankChange")).as("4th in February, 1st in March").isEqualTo(3);
        } finally {
            values.record("yuecheng", INVEST, YearMonth.of(2023, 3), new BigDecimal("50"), "test");
        }

        HttpResponse<Map<String, Object>> quarter = city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=quarter&year=2023&month=2");
        assertThat(quarter.body()).containsEntry("labelZh", "2023年第一季度").containsEntry("month", 3);
        assertThat(lines(quarter)).extracting(l -> l.get("bureau")).as("the first quarter is January to March")
                .startsWith("keqiao", "shangyu", "zhuji");
        assertThat(value(line(lines(quarter), "zhuji"))).isEqualByComparingTo("600");
        assertThat(city.get("/api/regions/330600/ranking?indicator=" + INVEST + "&period=week&year=2023&month=2").code())
                .isEqualTo(400);

        List<Map<String, Object>> year = lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=year&year=2023&month=12"));
        assertThat(year).extracting(l -> l.get("rank")).containsOnlyNulls();
    }

    @Test
    void nothingUnpublishedNothingOutsideTheRegionNoWrites() {
        assertThat(city.get("/api/regions/330600/ranking?indicator=enforcement.fines&period=ytd&year=2023&month=1").code())
                .as("罚没款 is not published to regions").isEqualTo(404);
        assertThat(city.get("/api/regions/330600/indicators").body()).isNull();
        assertThat(city.getAny("/api/regions/330600/indicators").body().toString())
                .contains(INVEST).doesNotContain("enforcement.fines");
        assertThat(city.get("/api/regions/430100/ranking?indicator=" + INVEST + "&year=2023&month=3").code())
                .as("Changsha is not Shaoxing's").isEqualTo(403);
        assertThat(city.get("/api/regions/330000/ranking?indicator=" + INVEST + "&year=2023&month=3").code())
                .as("a city's analyst does not see the province").isEqualTo(403);
        assertThat(city.put("/api/figures/2023/values", Map.of("entries", List.of(Map.of("code", INVEST, "month", 1,
                "value", 1)))).code()).isEqualTo(403);
        assertThat(city.put("/api/figures/2023/targets/" + INVEST, Map.of("value", 1)).code()).isEqualTo(403);
        assertThat(city.put("/api/regions/330600/settings", Map.of("bureausSeeRank", true)).code()).isEqualTo(403);
        assertThat(ApiSession.demo(client, "zhuji", "admin")
                .get("/api/regions/330600/ranking?indicator=" + INVEST + "&year=2023&month=3").code()).isEqualTo(403);
    }

    @Test
    void theDatabaseShowsARegionOnlyThePublishedValuesOfItsBureaus() {
        List<String> seen = inRegion("330600", "select distinct tenant_id || ':' || indicator_code from indicator_value order by 1");
        assertThat(seen).contains("zhuji:" + INVEST, "keqiao:" + INVEST)
                .noneMatch(s -> s.startsWith("liuyang:") || s.startsWith("shaoxing:") || s.contains("enforcement.fines"));
        assertThat(inRegion("330600", "select tenant_id from indicator_target"))
                .containsExactly("zhuji");
        assertThat(inRegion("430100", "select distinct tenant_id from indicator_value"))
                .containsExactly("liuyang");
        assertThat(inRegion("330600", "select tenant_id from tenant_module"))
                .as("no other bureau-owned table opens to a region").isEmpty();
        assertThat(inRegion("330600", "select username from app_user")).isEmpty();
        assertThatThrownBy(() -> inRegion("330600", """
                insert into indicator_value (tenant_id, indicator_code, month, value, source)
                values ('zhuji', 'invest.effective', date '2023-05-01', 1, 'x') returning tenant_id"""))
                .hasStackTraceContaining("read-only");
        List<String> none = tx.withConnection("", true, c -> strings(c, "select tenant_id from indicator_value"));
        assertThat(none)
                .as("without a region nothing shows").isEmpty();
    }

    @Test
    void aProvincesAnalystSeesEveryCountyOfTheProvince() {
        if (tx.onPlatform(() -> accounts.findByUsername("analyst-zj")).isEmpty()) {
            tx.onPlatform(() -> accounts.save(new PlatformAccount(null, "analyst-zj", "浙江省区域分析员",
                    hasher.hash(JiaoyunTestContextBuilder.DEMO_PASSWORD), Role.REGIONAL_ANALYST, "330000", true)));
        }
        ApiSession province = ApiSession.login(client, null, "analyst-zj", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        List<Map<String, Object>> lines = lines(province.get("/api/regions/330000/ranking?indicator=" + INVEST
                + "&period=ytd&year=2023&month=3"));
        assertThat(lines).extracting(l -> l.get("bureau")).contains("zhuji", "keqiao").doesNotContain("liuyang", "shaoxing");
        assertThat(province.get("/api/regions/330600/ranking?indicator=" + INVEST + "&year=2023&month=3").code())
                .as("the province sees its cities").isEqualTo(200);
        assertThat(province.getAny("/api/regions/330000/areas").body().toString())
                .contains("330600", "绍兴市", "330000", "浙江省").doesNotContain("430100", "长沙市");
        assertThat(city.getAny("/api/regions/330600/areas").body().toString()).contains("330600").doesNotContain("330000");
        assertThat(city.get("/api/regions/330000/areas").code()).isEqualTo(403);
    }

    @Test
    void aBureauSeesItsOwnRankOnlyWhenItsCityAllowsIt() {
        ApiSession zhuji = ApiSession.demo(client, "zhuji", "viewer");
        String path = "/api/figures/2023/standing?indicator=" + INVEST + "&period=ytd&month=3";
        assertThat(zhuji.get(path).code()).isEqualTo(403);
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        assertThat(platform.put("/api/regions/330600/settings", Map.of("bureausSeeRank", true)).code()).isEqualTo(200);
        try {
            HttpResponse<Map<String, Object>> standing = zhuji.get(path);
            assertThat(standing.code()).isEqualTo(200);
            assertThat(standing.body()).containsEntry("rank", 2).containsEntry("ranked", 4).containsEntry("peers", 6)
                    .doesNotContainKey("lines");
        } finally {
            platform.put("/api/regions/330600/settings", Map.of("bureausSeeRank", false));
        }
    }

    @Test
    void theRankingExportsAsCsvAndXlsx() throws Exception {
        String query = "?indicator=" + INVEST + "&period=ytd&year=2023&month=3";
        HttpResponse<byte[]> csv = client.toBlocking().exchange(HttpRequest.GET("/api/regions/330600/ranking.csv" + query)
                .bearerAuth(city.token()), byte[].class);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF排名,县（市、区）,数值");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("1,柯桥,700,万元,3/3,300,+133.3%");
        assertThat(text).contains("数据不全，未排名").contains("合成演示数据");
        assertThat(csv.header("Content-Disposition")).contains("filename*=UTF-8''");

        HttpResponse<byte[]> xlsx = client.toBlocking().exchange(HttpRequest.GET("/api/regions/330600/ranking.xlsx" + query)
                .bearerAuth(city.token()), byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("交通有效投资").contains("2023年1-3月");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("柯桥");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(700.0);
        }
    }

    private List<String> inRegion(String region, String sql) {
        return tx.readInRegion(region, c -> strings(c, sql));
    }

    private static List<String> strings(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
