package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pass records through the module jar Maven built: streamed CSV with good and bad rows, idempotent
 * re-ingest, cases and their workflow, indicator arithmetic on a generated set with known answers,
 * and isolation between bureaus.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PassIngestIT {

    private static final String BASE = "/api/modules/overload-enforcement";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    ApiSession platform;
    ApiSession shaoxing;
    ApiSession zhuji;
    byte[] generated;

    @BeforeAll
    void installAndSetUp() throws Exception {
        platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("jiaoyun.plugin.jar")));
        assertThat(platform.upload("/api/admin/plugins", "overload-enforcement.jar", jar, Map.of()).code()).isEqualTo(201);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        shaoxing.put("/api/tenants/shaoxing/modules/overload-enforcement", Map.of());
        zhuji.put("/api/tenants/zhuji/modules/overload-enforcement", Map.of());
        long expressway = id(shaoxing.post(BASE + "/sites", Map.of("code", "GS1", "name", "杭甬高速钱清", "road", "G92",
                "roadClass", "EXPRESSWAY", "commissionedOn", "2020-03-01")));
        long ordinary = id(shaoxing.post(BASE + "/sites", Map.of("code", "PT1", "name", "104国道柯桥", "road", "G104",
                "roadClass", "ORDINARY", "commissionedOn", "2020-05-10")));
        shaoxing.post(BASE + "/sites/" + expressway + "/lanes", Map.of("code", "L1", "commissionedOn", "2020-03-01"));
        shaoxing.post(BASE + "/sites/" + ordinary + "/lanes", Map.of("code", "L1", "commissionedOn", "2020-06-15"));
        shaoxing.post(BASE + "/sites/" + ordinary + "/lanes", Map.of("code", "L2", "commissionedOn", "2020-06-20", "online", false));
        generated = generatedJune();
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/overload-enforcement?purge=true");
    }

    /** June 2020 with the default 5 % tolerance, built so that every count asserted below is known. */
    private static byte[] generatedJune() {
        StringBuilder csv = new StringBuilder("record_id,site,lane,passed_at,plate,plate_colour,axles,vehicle_kind,gross_kg,axle_weights,speed_kmh\n");
        int n = 0;
        // expressway: 100 passes, 2-axle trucks (limit 18,000; tolerance 900)
        for (int i = 0; i < 90; i++) {
            csv.append(row(++n, "GS1", "L1", 17_000, 2));  // within
        }
        for (int i = 0; i < 4; i++) {
            csv.append(row(++n, "GS1", "L1", 18_900, 2));  // tolerated (900 over = 5 %)
        }
        for (int i = 0; i < 2; i++) {
            csv.append(row(++n, "GS1", "L1", 18_950, 2));  // warning (950 over, beyond tolerance, ≤ 1,000)
        }
        for (int i = 0; i < 4; i++) {
            csv.append(row(++n, "GS1", "L1", 21_000, 2));  // case: 3,000 over → ¥1,500
        }
        // ordinary: 50 passes
        for (int i = 0; i < 45; i++) {
            csv.append(row(++n, "PT1", "L1", 15_000, 2));
        }
        for (int i = 0; i < 3; i++) {
            csv.append(row(++n, "PT1", "L1", 36_000, 2));  // case, 100 % over
        }
        csv.append(row(++n, "PT1", "L1", 101_000, 6));     // case, 百吨王 (limit 49,000)
        csv.append(row(++n, "PT1", "L1", 30_000, 3, "COMBINATION"));  // case, 3,000 over 27,000
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(int n, String site, String lane, int gross, int axles) {
        return row(n, site, lane, gross, axles, axles >= 5 ? "COMBINATION" : "TRUCK");
    }

    private static String row(int n, String site, String lane, int gross, int axles, String kind) {
        return String.format("R%06d,%s,%s,2020-06-%02d 08:%02d:00,浙D%05d,黄,%d,%s,%d,,72.5%n",
                n, site, lane, 1 + n % 28, n % 60, n, axles, kind, gross);
    }

    @Test
    @Order(1)
    void aGeneratedMonthGivesKnownIndicatorsAndCases() {
        HttpResponse<Map<String, Object>> r = shaoxing.upload(BASE + "/imports/passes", "june.csv", generated, Map.of());
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        assertThat(((Number) r.body().get("accepted")).longValue()).isEqualTo(150);
        assertThat((List<?>) r.body().get("problems")).isEmpty();

        Map<String, Object> f = shaoxing.get(BASE + "/indicators/2020-06").body();
        assertThat(num(f.get(Indicators.CHECKED))).isEqualByComparingTo("150");
        assertThat(num(f.get(Indicators.OVERLOADED))).isEqualByComparingTo("11");  // 2 warnings + 4 + 3 + 1 + 1 cases
        assertThat(f.get(Indicators.RATE_EXPRESSWAY).toString()).contains("numerator=6").contains("denominator=100");
        assertThat(f.get(Indicators.RATE_ORDINARY).toString()).contains("numerator=5").contains("denominator=50");
        assertThat(num(f.get(Indicators.CASES))).isEqualByComparingTo("9");
        assertThat(num(f.get(Indicators.DOUBLE))).isEqualByComparingTo("4");     // 3 × 36 t and 101 t ≥ 2 × 49 t
        assertThat(num(f.get(Indicators.HUNDRED_TONNE))).isEqualByComparingTo("1");
        assertThat(num(f.get(Indicators.LANES_ADDED))).isEqualByComparingTo("2");
        assertThat(f.get(Indicators.LANES_ONLINE).toString()).contains("numerator=2").contains("denominator=3");

        BigDecimal rate = tx.withConnection("shaoxing", true, c -> value(c, Indicators.RATE_EXPRESSWAY));
        assertThat(rate).as("published to the core catalog, in %").isEqualByComparingTo("6");

        List<?> open = (List<?>) shaoxing.getAny(BASE + "/cases?status=DETECTED").body();
        assertThat(open).hasSize(9);
        assertThat(open.toString()).contains("fineYuan=1500");
        assertThat((List<?>) zhuji.getAny(BASE + "/cases").body()).as("another bureau's cases").isEmpty();
        BigDecimal zhujiChecked = tx.withConnection("zhuji", true, c -> value(c, Indicators.CHECKED));
        assertThat(zhujiChecked).isNull();

        assertThat(f.get(Indicators.NONSITE_SHARE).toString()).as("unknown until on-site cases are known")
                .contains("numerator=null");
        HttpResponse<Map<String, Object>> onsite = shaoxing.put(BASE + "/onsite-cases/2020-06", Map.of("cases", 3));
        assertThat(onsite.code()).as("%s", onsite.body()).isEqualTo(200);
        assertThat(onsite.body().get(Indicators.NONSITE_SHARE).toString()).contains("numerator=9").contains("denominator=12");
        BigDecimal share = tx.withConnection("shaoxing", true, c -> value(c, Indicators.NONSITE_SHARE));
        assertThat(share).as("9 of 12 cases non-site").isEqualByComparingTo("75");
        assertThat(shaoxing.put(BASE + "/onsite-cases/2020-06", Map.of("cases", -1)).code()).isEqualTo(400);

        // idempotent: the same file again adds nothing
        HttpResponse<Map<String, Object>> again = shaoxing.upload(BASE + "/imports/passes", "june.csv", generated, Map.of());
        assertThat(again.body()).containsEntry("accepted", 0).containsEntry("skipped", 150);
        assertThat((List<?>) shaoxing.getAny(BASE + "/cases").body()).hasSize(9);
    }

    @Test
    void badRowsAreReportedByLineAndGoodRowsKept() {
        String csv = """
                记录编号,站点,车道,过车时间,车牌,轴数,车型,总重
                B1,GS1,L1,2020-07-01 09:00:00,浙D1,2,货车,17000
                B2,GS1,L9,2020-07-01 09:00:00,浙D2,2,货车,17000
                B3,GS1,L1,2020-07-01 09:00:00,浙D3,5,货车,50000
                B4,GS1,L1,yesterday,浙D4,2,货车,17000
                B5,GS1,L1,2020-07-01 09:00:00,浙D5,,货车,17000
                B6,GS1,L1,2020/7/2 10:00,浙D6,6,汽车列车,47000
                """;
        HttpResponse<Map<String, Object>> r = shaoxing.upload(BASE + "/imports/passes", "july.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body()).containsEntry("accepted", 2);
        String problems = r.body().get("problems").toString();
        assertThat(problems).contains("line=3").contains("没有车道 L9")
                .contains("line=4").contains("五轴货车")
                .contains("line=5").contains("yesterday")
                .contains("line=6").contains("axles");
        HttpResponse<Map<String, Object>> noHeader = shaoxing.upload(BASE + "/imports/passes", "bad.csv",
                "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(noHeader.code()).isEqualTo(400);
        assertThat(noHeader.body().toString()).contains("bad.csv").contains("第 1 行").contains("record_id");
    }

    @Test
    @Order(2)
    void aCaseMovesThroughItsStepsInOrder() {
        shaoxing.upload(BASE + "/imports/passes", "june.csv", generated, Map.of());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) shaoxing.getAny(BASE + "/cases?status=DETECTED&limit=1").body()).get(0);
        String id = String.valueOf(first.get("id"));
        assertThat(shaoxing.post(BASE + "/cases/" + id + "/close", Map.of()).code()).isEqualTo(409);
        assertThat(shaoxing.post(BASE + "/cases/" + id + "/review", Map.of()).body()).containsEntry("status", "REVIEWED");
        assertThat(shaoxing.post(BASE + "/cases/" + id + "/decide", Map.of("fineYuan", 999_999)).code()).isEqualTo(400);
        assertThat(shaoxing.post(BASE + "/cases/" + id + "/decide", Map.of()).body()).containsEntry("status", "PENALTY_DECIDED");
        assertThat(shaoxing.post(BASE + "/cases/" + id + "/close", Map.of()).body()).containsEntry("status", "CLOSED");
        assertThat(zhuji.post(BASE + "/cases/" + id + "/review", Map.of()).code()).as("another bureau's case").isEqualTo(404);
        Map<String, Object> f = shaoxing.get(BASE + "/indicators/2020-06").body();
        assertThat(f.get(Indicators.PENALTY_RATE).toString()).contains("numerator=1").contains("denominator=9");
    }

    @Test
    void bulkImportsMayExceedTheDocumentUploadLimitAndOtherUploadsMayNot() {
        byte[] big = new byte[60 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '\n');
        byte[] header = "record_id,site,lane,passed_at,plate,axles,gross_kg\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, big, 0, header.length);
        HttpResponse<Map<String, Object>> module = shaoxing.upload(BASE + "/imports/passes", "big.csv", big, Map.of());
        assertThat(module.code()).as("%s", module.body()).isEqualTo(200);
        assertThat(module.body()).containsEntry("accepted", 0);
        HttpResponse<Map<String, Object>> document = shaoxing.upload("/api/worklists/import", "big.txt", big, Map.of());
        assertThat(document.code()).as("%s", document.body()).isIn(400, 413);
        assertThat(document.body().toString()).as("the document importer names the file and its limit").contains("big.txt");
    }

    private static long id(HttpResponse<Map<String, Object>> r) {
        assertThat(r.code()).as("%s", r.body()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    private static BigDecimal num(Object o) {
        return new BigDecimal(String.valueOf(o));
    }

    private static BigDecimal value(java.sql.Connection c, String code) {
        try (PreparedStatement ps = c.prepareStatement(
                "select value from indicator_value where indicator_code = ? and month = date '2020-06-01'")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
