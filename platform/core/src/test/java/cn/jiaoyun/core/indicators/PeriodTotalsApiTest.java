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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quarter, half-year and year totals through the API: entry in any scale of the unit, all or
 * nothing with every wrong entry named, removal, audit; the year to date, 同比 and completion of the
 * figures, the live value of indicator-fed targets and the region's quarter, year-to-date and year
 * rankings use them; a disagreement between a total and its months is answered with both figures.
 * Years 2010–2013 are this test's own.
 */
@JiaoyunTest
class PeriodTotalsApiTest {

    private static final String INVEST = "invest.effective";
    private static final String FREIGHT = "transport.freight";
    private static final String RATE = "safety.rectification_rate";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    IndicatorValues values;
    @Inject
    IndicatorCatalog catalog;
    @Inject
    TenantTransactions tx;

    static Map<String, Object> total(String code, String period, Object value, String unit) {
        Map<String, Object> e = new HashMap<>();
        e.put("code", code);
        e.put("period", period);
        e.put("value", value);
        if (unit != null) {
            e.put("unit", unit);
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(Map<String, Object> sheet, String code) {
        return ((List<Map<String, Object>>) sheet.get("rows")).stream()
                .filter(r -> code.equals(((Map<?, ?>) r.get("indicator")).get("code"))).findFirst().orElseThrow();
    }

    private static Map<?, ?> ytd(Map<String, Object> row) {
        return (Map<?, ?>) row.get("yearToDate");
    }

    private static BigDecimal number(Object o) {
        return new BigDecimal(o.toString());
    }

    @Test
    void aBureausOwnIndicatorTakesAPeriodTotalAndAnotherBureausOwnCodeIsUnknown() {
        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        String own = OwnIndicatorsApiTest.create(zhuji, "年末公交车辆数" + System.nanoTime() % 100_000, "辆", "SUM");
        HttpResponse<Map<String, Object>> r = zhuji.put("/api/figures/2014/periods",
                Map.of("entries", List.of(total(own, "H1", 1180, "辆"))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        Map<String, Object> june = row(zhuji.get("/api/figures/2014?through=6").body(), own);
        assertThat(number(ytd(june).get("value"))).isEqualByComparingTo("1180");
        assertThat(june.get("yearToDateSources")).isEqualTo(List.of("H1"));

        ApiSession shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        HttpResponse<Map<String, Object>> refused = shaoxing.put("/api/figures/2014/periods",
                Map.of("entries", List.of(total(own, "H1", 1, "辆"))));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(String.valueOf(refused.body())).contains("entries[0].code");
    }

    @Test
    void aHalfYearTotalInYiYuanServesTheFirstHalfAndWithTheMonthsTheYearAgainstLastYearsTotal() {
        ApiSession admin = ApiSession.demo(client, "zhuji", "admin");
        HttpResponse<Map<String, Object>> r = admin.put("/api/figures/2013/periods", Map.of("entries", List.of(
                total(INVEST, "H1", "6.15", "亿元"), total(INVEST, "Y", 100000, "万元"))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        // the 2012 year total is last year's: a year known only as a whole
        assertThat(admin.put("/api/figures/2012/periods", Map.of("entries", List.of(total(INVEST, "Y", 10, "亿元"))))
                .code()).isEqualTo(200);
        assertThat(admin.put("/api/figures/2013/targets/" + INVEST, Map.of("value", 12, "unit", "亿元")).code())
                .isEqualTo(204);
        // the 2013 year total was a mistake: removed with a null value
        assertThat(admin.put("/api/figures/2013/periods", Map.of("entries", List.of(total(INVEST, "Y", null, null))))
                .code()).isEqualTo(200);

        List<?> stored = (List<?>) admin.getAny("/api/figures/2013/periods").body();
        assertThat(stored).hasSize(1);
        assertThat(number(((Map<?, ?>) stored.get(0)).get("value"))).as("6.15 亿元 in 万元").isEqualByComparingTo("61500");

        Map<String, Object> june = row(admin.get("/api/figures/2013?through=6").body(), INVEST);
        assertThat(number(ytd(june).get("value"))).isEqualByComparingTo("61500");
        assertThat(ytd(june).get("complete")).isEqualTo(true);
        assertThat(june.get("yearToDateSources")).isEqualTo(List.of("H1"));
        assertThat(((List<?>) june.get("periods")).toString()).contains("H1").contains("61500");
        Map<String, Object> may = row(admin.get("/api/figures/2013?through=5").body(), INVEST);
        assertThat(ytd(may).get("complete")).as("1–5月 is not served by H1").isEqualTo(false);
        assertThat(ytd(may).containsKey("value")).isFalse();

        List<Map<String, Object>> later = new java.util.ArrayList<>();
        for (int m = 7; m <= 12; m++) {
            later.add(Map.of("code", INVEST, "month", m, "value", 1, "unit", "亿元", "withheld", false));
        }
        assertThat(admin.put("/api/figures/2013/values", Map.of("entries", later)).code()).isEqualTo(200);
        Map<String, Object> year = row(admin.get("/api/figures/2013?through=12").body(), INVEST);
        assertThat(number(ytd(year).get("value"))).as("H1 + 7–12月").isEqualByComparingTo("121500");
        assertThat(ytd(year).get("complete")).isEqualTo(true);
        assertThat(number(((Map<?, ?>) year.get("lastYear")).get("value"))).isEqualByComparingTo("100000");
        assertThat(((Map<?, ?>) year.get("lastYear")).get("complete")).as("2012 as a year total").isEqualTo(true);
        assertThat(number(year.get("yearOnYear"))).isEqualByComparingTo("21.5");
        assertThat(number(year.get("completion"))).isEqualByComparingTo("101.25");

        // a target fed by the indicator reads the same year to date
        Indicator invest = catalog.find(INVEST).orElseThrow();
        assertThat(catalog.yearToDate("zhuji", invest, YearMonth.of(2013, 6))).isEqualByComparingTo("61500");
        assertThat(catalog.yearToDate("zhuji", invest, YearMonth.of(2012, 12))).isEqualByComparingTo("100000");
        assertThat(catalog.yearToDate("zhuji", invest, YearMonth.of(2012, 6))).as("a year total serves no half")
                .isNull();

        assertThat(admin.getAny("/api/audit").body().toString()).contains("PERIOD_TOTAL_SET")
                .contains("2013 H1 total: — → 61500 万元").contains("2013 Y total: 100000 万元 → removed");
    }

    @Test
    void monthsWinAndADisagreeingTotalIsAnsweredWithBothFigures() {
        ApiSession reporter = ApiSession.demo(client, "zhuji", "reporter");
        assertThat(reporter.put("/api/figures/2011/values", Map.of("entries", List.of(
                Map.of("code", FREIGHT, "month", 1, "value", 100, "withheld", false),
                Map.of("code", FREIGHT, "month", 2, "value", 100, "withheld", false),
                Map.of("code", FREIGHT, "month", 3, "value", 100, "withheld", false)))).code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> r = reporter.put("/api/figures/2011/periods", Map.of("entries", List.of(
                total(FREIGHT, "Q1", 350, "万吨"), total(FREIGHT, "Q2", 400, null))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        Map<String, Object> freight = row(reporter.get("/api/figures/2011?through=6").body(), FREIGHT);
        assertThat(number(ytd(freight).get("value"))).as("months 1–3 win over Q1, Q2 serves 4–6")
                .isEqualByComparingTo("700");
        assertThat(freight.get("yearToDateSources")).isEqualTo(List.of("1", "2", "3", "Q2"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> periods = (List<Map<String, Object>>) freight.get("periods");
        assertThat(periods).extracting(p -> p.get("period")).containsExactly("Q1", "Q2");
        assertThat(number(periods.get(0).get("value"))).isEqualByComparingTo("350");
        assertThat(number(periods.get(0).get("months"))).isEqualByComparingTo("300");
        assertThat(periods.get(0).get("disagrees")).isEqualTo(true);
        assertThat(periods.get(1).get("disagrees")).isEqualTo(false);
        assertThat(periods.get(1)).doesNotContainKey("months");
    }

    @Test
    void aRatioTakesItsPartsOrATypedRate() {
        ApiSession admin = ApiSession.demo(client, "zhuji", "admin");
        Map<String, Object> parts = new HashMap<>(Map.of("code", RATE, "period", "Y", "numerator", 45,
                "denominator", 50));
        HttpResponse<Map<String, Object>> r = admin.put("/api/figures/2012/periods", Map.of("entries", List.of(
                parts, total(RATE, "H1", "58.13", "%"))));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        Map<String, Object> rate = row(r.body(), RATE);
        assertThat(number(ytd(rate).get("value"))).isEqualByComparingTo("90");
        assertThat(ytd(rate).get("complete")).isEqualTo(true);
        Map<String, Object> june = row(admin.get("/api/figures/2012?through=6").body(), RATE);
        assertThat(number(ytd(june).get("value"))).isEqualByComparingTo("58.13");
    }

    @Test
    void oneWrongTotalSavesNothingAndEveryWrongOneIsNamed() {
        ApiSession reporter = ApiSession.demo(client, "zhuji", "reporter");
        Map<String, Object> both = new HashMap<>(total(RATE, "Q1", 90, "%"));
        both.put("numerator", 9);
        both.put("denominator", 10);
        Map<String, Object> noDenominator = new HashMap<>(Map.of("code", RATE, "period", "Q2", "numerator", 9));
        Map<String, Object> partsOfASum = new HashMap<>(Map.of("code", FREIGHT, "period", "Q3", "numerator", 9,
                "denominator", 10));
        Map<String, Object> zeroDenominator = new HashMap<>(Map.of("code", RATE, "period", "Q4", "numerator", 0,
                "denominator", 0));
        List<Map<String, Object>> entries = List.of(
                total("approvals.handled", "H1", 500, "件"),
                total("no.such", "H1", 5, null),
                total("approvals.handled", "H3", 5, null),
                total("approvals.handled", "Q5", 5, null),
                total(INVEST, "Q1", -3, "亿元"),
                total(INVEST, "Q2", 5, "万吨"),
                both, noDenominator, partsOfASum, zeroDenominator,
                total("approvals.handled", "h1", 7, null),
                total(RATE, "H2", 250, "%"),
                new HashMap<>(Map.of("code", RATE, "period", "Y", "numerator", 30, "denominator", 10)));
        HttpResponse<Map<String, Object>> r = reporter.put("/api/figures/2011/periods", Map.of("entries", entries));
        assertThat(r.code()).isEqualTo(400);
        String body = r.body().toString();
        assertThat(body).contains("entries[1].code", "no.such", "entries[2].period", "H3", "entries[3].period", "Q5",
                "entries[4].value", "负数", "entries[5].unit", "万吨", "entries[6].value", "entries[7].denominator",
                "entries[8].numerator", "entries[9].denominator", "entries[10].period", "两次",
                "entries[11].value", "250", "entries[12].numerator")
                .doesNotContain("entries[0]");
        assertThat((List<?>) reporter.getAny("/api/figures/2011/periods").body()).as("nothing of the good entry")
                .noneMatch(t -> "approvals.handled".equals(((Map<?, ?>) t).get("indicatorCode")));
        Integer rows = tx.withConnection("zhuji", true, c -> count(c,
                "select count(*) from indicator_period_total where year = 2011"
                        + " and indicator_code <> 'transport.freight'"));
        assertThat(rows).isZero();

        HttpResponse<Map<String, Object>> english = ApiSession.send(client.toBlocking(),
                HttpRequest.PUT("/api/figures/2011/periods", Map.of("entries", List.of(total(INVEST, "H3", 1, null))))
                        .bearerAuth(reporter.token()).header("Accept-Language", "en"));
        assertThat(english.code()).isEqualTo(400);
        assertThat(english.body().toString()).contains("entries[0].period", "The period must be Q1–Q4");
        assertThat(reporter.put("/api/figures/2100/periods", Map.of("entries", List.of(total(INVEST, "Q1", 1, null))))
                .body().toString()).contains("entries[0].period", "2100年 Q1 尚未结束");
        assertThat(reporter.put("/api/figures/2999/periods", Map.of("entries", List.of(total(INVEST, "Q1", 1, null))))
                .body().toString()).contains("year", "2999");
        assertThat(ApiSession.demo(client, "zhuji", "viewer").put("/api/figures/2011/periods",
                Map.of("entries", List.of(total(INVEST, "Q1", 1, null)))).code()).isEqualTo(403);
    }

    @Test
    void theRegionsQuarterYearToDateAndYearRankingsUseTheTotals() {
        // 2010 in Shaoxing's counties: a year known as a total, as halves, as quarters, as months
        totalOf("zhuji", INVEST, 2010, "Y", "1000");
        for (int m = 1; m <= 12; m++) {
            values.record("keqiao", INVEST, YearMonth.of(2010, m), new BigDecimal("100"), "test");
        }
        totalOf("shangyu", INVEST, 2010, "H1", "300");
        totalOf("shangyu", INVEST, 2010, "H2", "400");
        for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
            totalOf("yuecheng", INVEST, 2010, q, "100");
        }
        for (int m = 1; m <= 11; m++) {
            values.record("xinchang", INVEST, YearMonth.of(2010, m), new BigDecimal("500"), "test");
        }
        values.target("shangyu", INVEST, 2010, new BigDecimal("1400"), "test");
        ApiSession city = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);

        List<Map<String, Object>> year = lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=year&year=2010&month=12"));
        assertThat(year).extracting(l -> l.get("bureau"))
                .startsWith("keqiao", "zhuji", "shangyu", "yuecheng", "xinchang");
        assertThat(year).extracting(l -> l.get("rank")).startsWith(1, 2, 3, 4, null);
        assertThat(value(line(year, "zhuji"))).isEqualByComparingTo("1000");
        assertThat(value(line(year, "shangyu"))).isEqualByComparingTo("700");
        assertThat(number(line(year, "shangyu").get("completion"))).isEqualByComparingTo("50");

        List<Map<String, Object>> quarter = lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=quarter&year=2010&month=2"));
        assertThat(quarter).extracting(l -> l.get("bureau")).startsWith("xinchang", "keqiao", "yuecheng");
        assertThat(value(line(quarter, "yuecheng"))).as("its Q1 total").isEqualByComparingTo("100");
        assertThat(line(quarter, "zhuji").get("rank")).as("a year total serves no quarter").isNull();
        assertThat(line(quarter, "shangyu").get("rank")).as("a half-year total serves no quarter").isNull();

        List<Map<String, Object>> half = lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=ytd&year=2010&month=6"));
        assertThat(value(line(half, "shangyu"))).as("1–6月 from its H1 total").isEqualByComparingTo("300");
        assertThat(line(half, "shangyu").get("rank")).isNotNull();
        assertThat(value(line(half, "yuecheng"))).as("Q1 + Q2").isEqualByComparingTo("200");
        assertThat(line(half, "zhuji").get("rank")).isNull();
        assertThat(lines(city.get("/api/regions/330600/ranking?indicator=" + INVEST
                + "&period=ytd&year=2010&month=5"))).filteredOn(l -> "shangyu".equals(l.get("bureau")))
                .extracting(l -> l.get("rank")).containsOnlyNulls();
    }

    private void totalOf(String bureau, String code, int year, String period, String value) {
        tx.withConnection(bureau, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into indicator_period_total
                        (tenant_id, indicator_code, year, period, value, source, updated_by)
                    values (?, ?, ?, ?, ?, 'test', 'test') on conflict (tenant_id, indicator_code, year, period)
                    do update set value = excluded.value""")) {
                ps.setString(1, bureau);
                ps.setString(2, code);
                ps.setInt(3, year);
                ps.setString(4, period);
                ps.setBigDecimal(5, new BigDecimal(value));
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<Map<String, Object>> lines(HttpResponse<Map<String, Object>> r) {
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
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

    static Integer count(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
