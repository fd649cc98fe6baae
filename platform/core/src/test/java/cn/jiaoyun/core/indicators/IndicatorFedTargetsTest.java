package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.assessment.importing.ShaoxingSeed;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets fed by an indicator stand on its year-to-date value (治超非现场执法处罚率在70%以上 ←
 * a penalty-rate indicator), with the year-to-date arithmetic of each aggregation, missing months
 * unknown, and another bureau's values out of reach.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorFedTargetsTest {

    private static final String ENFORCEMENT = "市交通运输综合行政执法队";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    IndicatorCatalog catalog;

    ApiSession admin;
    long enforcementUnit;

    @BeforeAll
    void importAndPublish() throws Exception {
        admin = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(admin.upload("/api/worklists/import", "shaoxing.txt", ShaoxingSeed.bytes(),
                Map.of("year", "2020", "commit", "true")).code()).isEqualTo(200);
        enforcementUnit = list(admin.getAny("/api/units").body()).stream()
                .filter(u -> ENFORCEMENT.equals(u.get("name"))).map(u -> ((Number) u.get("id")).longValue())
                .findFirst().orElseThrow();
        tx.withConnection("", false, c -> exec(c, """
                insert into indicator (code, name_zh, name_en, unit, aggregation, direction, published) values
                  ('test.penalty_rate', '处罚率', 'Penalty rate', '%', 'RATIO', 'HIGHER', true),
                  ('test.lanes_added', '新增车道', 'Lanes added', '条', 'SUM', 'HIGHER', true),
                  ('test.lanes_online', '在线车道', 'Lanes online', '条', 'LAST', 'HIGHER', true),
                  ('test.speed', '平均车速', 'Average speed', 'km/h', 'AVERAGE', 'HIGHER', false),
                  ('test.teu', '集装箱吞吐量', 'Containers', 'TEU', 'SUM', 'HIGHER', true)"""));
        tx.withConnection("shaoxing", false, c -> exec(c, """
                insert into indicator_value (tenant_id, indicator_code, month, value, numerator, denominator, source) values
                  ('shaoxing', 'test.penalty_rate', date '2020-01-01', 70, 7, 10, 'test'),
                  ('shaoxing', 'test.penalty_rate', date '2020-02-01', 80, 24, 30, 'test'),
                  ('shaoxing', 'test.penalty_rate', date '2020-03-01', null, 0, 0, 'test'),
                  ('shaoxing', 'test.lanes_added', date '2020-01-01', 5, null, null, 'test'),
                  ('shaoxing', 'test.lanes_added', date '2020-03-01', 4, null, null, 'test'),
                  ('shaoxing', 'test.lanes_online', date '2020-02-01', 12, null, null, 'test'),
                  ('shaoxing', 'test.lanes_online', date '2020-04-01', null, null, null, 'test'),
                  ('shaoxing', 'test.speed', date '2020-01-01', 60, null, null, 'test'),
                  ('shaoxing', 'test.speed', date '2020-05-01', 70, null, null, 'test'),
                  ('shaoxing', 'test.teu', date '2020-01-01', 50000, null, null, 'test'),
                  ('shaoxing', 'test.teu', date '2020-02-01', 31000, null, null, 'test')"""));
    }

    @Test
    void yearToDateFollowsEachAggregationAndLeavesMissingMonthsUnknown() {
        assertThat(ytd("test.penalty_rate", "2020-12")).as("31 of 40, not the mean of 70 % and 80 %").isEqualByComparingTo("77.5");
        assertThat(ytd("test.penalty_rate", "2020-01")).isEqualByComparingTo("70");
        assertThat(ytd("test.lanes_added", "2020-02")).isEqualByComparingTo("5");
        assertThat(ytd("test.lanes_added", "2020-12")).isEqualByComparingTo("9");
        assertThat(ytd("test.lanes_online", "2020-12")).as("the latest month with a value").isEqualByComparingTo("12");
        assertThat(ytd("test.speed", "2020-12")).as("average of the months known").isEqualByComparingTo("65");
        assertThat(catalog.yearToDate("shaoxing", catalog.find("test.lanes_added").orElseThrow(), YearMonth.of(2021, 12)))
                .as("another year has no value: unknown, not zero").isNull();
        assertThat(catalog.yearToDate("zhuji", catalog.find("test.lanes_added").orElseThrow(), YearMonth.of(2020, 12)))
                .as("another bureau's values").isNull();
    }

    @Test
    void aTargetFedByAnIndicatorStandsOnItsValueForTheYear() {
        long item = item("治超非现场执法示范区创建");
        long rate = target(item, "处罚率");
        long lanes = target(item, "车道");
        assertThat(admin.put("/api/targets/" + rate + "/indicator", Map.of("code", "test.penalty_rate")).code()).isEqualTo(200);
        assertThat(admin.put("/api/targets/" + lanes + "/indicator", Map.of("code", "test.lanes_added")).code()).isEqualTo(200);

        List<Map<String, Object>> states = list(admin.get("/api/items/" + item + "/progress?unitId=" + enforcementUnit)
                .body().get("targets"));
        Map<String, Object> rateState = state(states, rate);
        assertThat(rateState).containsEntry("indicator", "test.penalty_rate").containsEntry("status", "MET");
        assertThat(new BigDecimal(rateState.get("live").toString())).isEqualByComparingTo("77.5");
        Map<String, Object> lanesState = state(states, lanes);
        assertThat(new BigDecimal(lanesState.get("live").toString())).isEqualByComparingTo("9");
        assertThat(lanesState.get("status")).as("9 of 18 lanes by the end of 2020").isEqualTo("NOT_MET");

        assertThat(admin.getAny("/api/audit").body().toString()).contains("fed by indicator test.penalty_rate");
        assertThat(admin.delete("/api/targets/" + lanes + "/indicator").code()).isEqualTo(204);
        assertThat(state(list(admin.get("/api/items/" + item + "/progress?unitId=" + enforcementUnit).body().get("targets")), lanes))
                .doesNotContainKey("indicator");
    }

    @Test
    void anIndicatorInAnotherScaleOfTheSameUnitIsReadInTheTargetsUnit() {
        // 内河集装箱吞吐量实现8万TEU, fed by an indicator counted in TEU: 81,000 TEU is 8.1万TEU, met
        for (Map<String, Object> l : list(admin.getAny("/api/worklists?year=2020").body())) {
            for (Map<String, Object> i : list(admin.get("/api/worklists/" + l.get("id")).body().get("items"))) {
                if (!"运输结构调整".equals(i.get("title"))) {
                    continue;
                }
                long item = ((Number) i.get("id")).longValue();
                long teu = target(item, "集装箱");
                assertThat(admin.put("/api/targets/" + teu + "/indicator", Map.of("code", "test.teu")).code()).isEqualTo(200);
                long unit = list(admin.getAny("/api/units").body()).stream()
                        .filter(u -> ((List<?>) l.get("units")).contains(u.get("name")))
                        .map(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
                Map<String, Object> state = state(list(admin.get("/api/items/" + item + "/progress?unitId=" + unit)
                        .body().get("targets")), teu);
                assertThat(((Map<?, ?>) state.get("target")).get("unit")).isEqualTo("万TEU");
                assertThat(new BigDecimal(state.get("live").toString())).isEqualByComparingTo("8.1");
                assertThat(state.get("status")).isEqualTo("MET");
                return;
            }
        }
        throw new AssertionError("no item 运输结构调整");
    }

    @Test
    void linkingIsCheckedAndKeptToTheOwnBureau() {
        long item = item("治超非现场执法示范区创建");
        long rate = target(item, "处罚率");
        HttpResponse<Map<String, Object>> unknown = admin.put("/api/targets/" + rate + "/indicator", Map.of("code", "no.such"));
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("no.such");
        assertThat(ApiSession.demo(client, "shaoxing", "reporter")
                .put("/api/targets/" + rate + "/indicator", Map.of("code", "test.penalty_rate")).code()).isEqualTo(403);
        assertThat(ApiSession.demo(client, "zhuji", "admin")
                .put("/api/targets/" + rate + "/indicator", Map.of("code", "test.penalty_rate")).code()).isEqualTo(404);
        assertThat(admin.getAny("/api/indicators").body().toString()).contains("test.penalty_rate").contains("处罚率");
    }

    private BigDecimal ytd(String code, String month) {
        return catalog.yearToDate("shaoxing", catalog.find(code).orElseThrow(), YearMonth.parse(month));
    }

    private long item(String title) {
        for (Map<String, Object> l : list(admin.getAny("/api/worklists?year=2020").body())) {
            if (!"KEY".equals(l.get("kind")) || !((List<?>) l.get("units")).contains(ENFORCEMENT)) {
                continue;
            }
            for (Map<String, Object> i : list(admin.get("/api/worklists/" + l.get("id")).body().get("items"))) {
                if (title.equals(i.get("title"))) {
                    return ((Number) i.get("id")).longValue();
                }
            }
        }
        throw new AssertionError("no item " + title);
    }

    private long target(long item, String subjectPart) {
        return list(admin.get("/api/items/" + item).body().get("targets")).stream()
                .filter(t -> ((String) t.get("subject")).contains(subjectPart))
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
    }

    private static Map<String, Object> state(List<Map<String, Object>> states, long target) {
        return states.stream().filter(s -> ((Number) ((Map<?, ?>) s.get("target")).get("id")).longValue() == target)
                .findFirst().orElseThrow();
    }

    private static Object exec(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
