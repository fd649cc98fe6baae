package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.core.indicators.PeriodTotalsApiTest.row;
import static cn.jiaoyun.core.indicators.PeriodTotalsApiTest.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Period totals are a bureau's own: Zhuji neither reads nor changes Shaoxing's, a platform
 * administrator and a regional analyst write none, the analyst reads only published indicators'
 * totals of the county-level bureaus in the region, and PostgreSQL itself refuses a row of another
 * bureau and shows an unfiltered select only the bureau's own. Year 2014 is this test's own.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodTotalsIsolationTest {

    private static final String BUS = "bus.ridership";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    ApiSession shaoxing;
    ApiSession zhuji;

    @BeforeAll
    void totalsOfTwoBureaus() {
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(shaoxing.put("/api/figures/2014/periods",
                Map.of("entries", List.of(total(BUS, "H1", 4321, "万人次")))).code()).isEqualTo(200);
        assertThat(zhuji.put("/api/figures/2014/periods", Map.of("entries", List.of(
                total("invest.effective", "Y", 9, "亿元"), total("enforcement.fines", "Y", 77, "万元")))).code())
                .isEqualTo(200);
    }

    @Test
    void zhujiNeitherReadsNorChangesShaoxingsTotals() {
        assertThat(zhuji.getAny("/api/figures/2014/periods").body().toString())
                .doesNotContain(BUS).doesNotContain("4321");
        assertThat(row(zhuji.get("/api/figures/2014?through=6").body(), BUS).get("periods")).isEqualTo(List.of());
        // zhuji's own entry and removal of the same indicator and period touch zhuji's row only
        assertThat(zhuji.put("/api/figures/2014/periods", Map.of("entries", List.of(total(BUS, "H1", 1, null))))
                .code()).isEqualTo(200);
        assertThat(zhuji.put("/api/figures/2014/periods", Map.of("entries", List.of(total(BUS, "H1", null, null))))
                .code()).isEqualTo(200);
        assertThat(shaoxing.getAny("/api/figures/2014/periods").body().toString()).contains(BUS).contains("4321");
        assertThat(shaoxing.getAny("/api/audit").body().toString()).doesNotContain("zhuji");
    }

    @Test
    void aPlatformAdministratorAndARegionalAnalystWriteNone() {
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        ApiSession analyst = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        for (ApiSession outsider : List.of(platform, analyst)) {
            HttpResponse<Map<String, Object>> write = outsider.put("/api/figures/2014/periods",
                    Map.of("entries", List.of(total(BUS, "H1", 1, null))));
            assertThat(write.code()).isEqualTo(403);
            assertThat(outsider.get("/api/figures/2014/periods").code()).isEqualTo(403);
        }
        assertThat(shaoxing.getAny("/api/figures/2014/periods").body().toString()).contains("4321");
    }

    @Test
    void aRegionReadsOnlyPublishedTotalsOfItsCountiesAndWritesNone() {
        List<String> seen = tx.readInRegion("330600", c -> strings(c,
                "select tenant_id || ':' || indicator_code from indicator_period_total where year = 2014"));
        assertThat(seen).contains("zhuji:invest.effective")
                .doesNotContain("zhuji:enforcement.fines", "shaoxing:" + BUS)
                .noneMatch(s -> s.startsWith("shaoxing:") || s.startsWith("liuyang:"));
        List<String> changsha = tx.readInRegion("430100", c -> strings(c,
                "select tenant_id from indicator_period_total where year = 2014"));
        assertThat(changsha).isEmpty();
        assertThatThrownBy(() -> tx.readInRegion("330600", c -> strings(c, """
                insert into indicator_period_total (tenant_id, indicator_code, year, period, value, source, updated_by)
                values ('zhuji', 'invest.effective', 2014, 'H1', 1, 'x', 'x') returning tenant_id""")))
                .hasStackTraceContaining("read-only");
        List<String> nobody = tx.withConnection("", true, c -> strings(c, "select tenant_id from indicator_period_total"));
        assertThat(nobody).as("neither bureau nor region: nothing").isEmpty();
    }

    @Test
    void postgresRefusesAnotherBureausRowAndShowsOnlyTheOwn() {
        assertThatThrownBy(() -> tx.withConnection("zhuji", false, c -> update(c, """
                insert into indicator_period_total (tenant_id, indicator_code, year, period, value, source, updated_by)
                values ('shaoxing', 'bus.ridership', 2014, 'H2', 1, 'smuggled', 'zhuji')""")))
                .hasStackTraceContaining("row-level security");
        List<String> unfiltered = tx.withConnection("zhuji", true, c -> strings(c,
                "select distinct tenant_id from indicator_period_total"));
        assertThat(unfiltered).containsExactly("zhuji");
        Integer changed = tx.withConnection("zhuji", false, c -> update(c,
                "update indicator_period_total set value = 0 where tenant_id = 'shaoxing'"));
        Integer deleted = tx.withConnection("zhuji", false, c -> update(c,
                "delete from indicator_period_total where tenant_id = 'shaoxing'"));
        assertThat(changed).isZero();
        assertThat(deleted).isZero();
        List<String> theirs = tx.withConnection("shaoxing", true, c -> strings(c,
                "select value::text from indicator_period_total where year = 2014 and period = 'H1'"));
        assertThat(theirs).containsExactly("4321");
    }

    private static int update(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(java.sql.Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
