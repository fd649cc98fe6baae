package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bureau's own indicators are its alone: another bureau does not see them in its catalog or its
 * figures and cannot write to their codes (unknown in its catalog), a platform administrator and a
 * regional analyst neither see nor keep them, no ranking compares them, and PostgreSQL refuses a
 * row of another bureau and shows a region none of their values.
 */
@JiaoyunTest
class OwnIndicatorIsolationTest {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    @Test
    void anotherBureauNeitherSeesNorWritesABureausOwnIndicator() {
        ApiSession shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        String name = "公交车辆数隔离" + RUN;
        String code = OwnIndicatorsApiTest.create(shaoxing, name, "辆", "LAST");
        assertThat(shaoxing.put("/api/figures/2010/values", Map.of("entries", List.of(
                Map.of("code", code, "month", 1, "value", 300, "withheld", false)))).code()).isEqualTo(200);

        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(zhuji.getAny("/api/indicators").body().toString()).doesNotContain(code + ",").doesNotContain(name);
        assertThat(zhuji.get("/api/figures/2010?through=12").body().toString()).doesNotContain(code + ",")
                .doesNotContain(name);
        HttpResponse<Map<String, Object>> write = zhuji.put("/api/figures/2010/values", Map.of("entries", List.of(
                Map.of("code", code, "month", 1, "value", 1, "withheld", false))));
        assertThat(write.code()).isEqualTo(400);
        assertThat(write.body().toString()).contains("entries[0].code").contains("不在指标目录中");
        assertThat(zhuji.put("/api/figures/2010/targets/" + code, Map.of("value", 1)).code()).isEqualTo(400);
        assertThat(zhuji.put("/api/indicators/" + code, Map.of("name", "改名")).code()).isEqualTo(404);
        assertThat(zhuji.delete("/api/indicators/" + code).code()).isEqualTo(404);
        // the same name is free in another bureau's catalog
        assertThat(zhuji.post("/api/indicators", OwnIndicatorsApiTest.draft(name, "辆", "LAST", "HIGHER")).code())
                .isEqualTo(201);
        assertThat(shaoxing.get("/api/figures/2010?through=1").body().toString()).contains(name);
        assertThat(values("shaoxing", code)).as("zhuji wrote nothing of shaoxing's").isEqualTo(1);
    }

    @Test
    void platformAdministratorsAndRegionalAnalystsNeverSeeOrKeepOwnIndicators() {
        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        String name = "双随机检查户次区域" + RUN;
        String code = OwnIndicatorsApiTest.create(zhuji, name, "户次", "SUM");
        assertThat(zhuji.put("/api/figures/2010/values", Map.of("entries", List.of(
                Map.of("code", code, "month", 1, "value", 40, "withheld", false),
                Map.of("code", "invest.effective", "month", 1, "value", 40, "withheld", false)))).code())
                        .isEqualTo(200);
        assertThat(zhuji.put("/api/figures/2010/targets/" + code, Map.of("value", 400)).code()).isEqualTo(204);

        ApiSession city = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        for (ApiSession outsider : List.of(city, platform)) {
            String catalog = outsider.getAny("/api/indicators").body().toString();
            assertThat(catalog).contains("invest.effective").doesNotContain("own.").doesNotContain("own=true");
            assertThat(outsider.post("/api/indicators", OwnIndicatorsApiTest.draft("外来" + RUN, "件", "SUM", "HIGHER"))
                    .code()).isEqualTo(403);
            assertThat(outsider.put("/api/indicators/" + code, Map.of("name", "x")).code()).isEqualTo(403);
            assertThat(outsider.delete("/api/indicators/" + code).code()).isEqualTo(403);
        }
        assertThat(city.getAny("/api/regions/330600/indicators").body().toString()).doesNotContain("own.");
        HttpResponse<Map<String, Object>> ranking = city.get("/api/regions/330600/ranking?indicator=" + code
                + "&period=ytd&year=2010&month=1");
        assertThat(ranking.code()).as("only the platform's published indicators are compared").isEqualTo(404);
        assertThat(ranking.body().toString()).doesNotContain(name);

        // the database shows a region none of the bureau's own rows, values or targets
        List<Long> seen = tx.readInRegion("330600", c -> List.of(
                count(c, "select count(*) from indicator_value where indicator_code like 'own.%'"),
                count(c, "select count(*) from indicator_target where indicator_code like 'own.%'"),
                count(c, "select count(*) from bureau_indicator")));
        assertThat(seen).containsExactly(0L, 0L, 0L);
        long zhujiRows = tx.readInRegion("330600", c -> count(c,
                "select count(*) from indicator_value where tenant_id = 'zhuji'"));
        assertThat(zhujiRows).as("the region does read zhuji's published figures").isPositive();
    }

    @Test
    void theDatabaseRefusesAnotherBureausRowAndShowsOnlyTheBureausOwn() {
        OwnIndicatorsApiTest.create(ApiSession.demo(client, "shaoxing", "admin"), "数据库隔离" + RUN, "件", "SUM");
        OwnIndicatorsApiTest.create(ApiSession.demo(client, "zhuji", "admin"), "数据库隔离" + RUN, "件", "SUM");
        assertThatThrownBy(() -> tx.withConnection("zhuji", false, c -> exec(c, """
                insert into bureau_indicator (tenant_id, name_zh, unit, aggregation, direction, created_by, updated_by)
                values ('shaoxing', '越权指标', '件', 'SUM', 'HIGHER', 'test', 'test')""")))
                .hasStackTraceContaining("row-level security");
        List<String> tenants = tx.withConnection("zhuji", true, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct tenant_id from bureau_indicator");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
        assertThat(tenants).containsExactly("zhuji");
        int updated = tx.withConnection("zhuji", false, c -> exec(c,
                "update bureau_indicator set name_zh = 'x' where tenant_id = 'shaoxing'"));
        int deleted = tx.withConnection("zhuji", false, c -> exec(c,
                "delete from bureau_indicator where tenant_id = 'shaoxing'"));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        // the platform's catalog can never take a code of a bureau's own indicators
        assertThatThrownBy(() -> tx.withConnection("", false, c -> exec(c, """
                insert into indicator (code, name_zh, name_en, unit, aggregation, direction, published)
                values ('own.999999', '冒名', 'x', '件', 'SUM', 'HIGHER', true)""")))
                .hasStackTraceContaining("indicator_code_not_own");
    }

    private int values(String tenant, String code) {
        return tx.withConnection(tenant, true, c -> (int) count(c,
                "select count(*) from indicator_value where indicator_code = '" + code + "'"));
    }

    private static long count(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int exec(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
