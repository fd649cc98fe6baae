package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.plugins.PluginContractTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rural-roads jar Maven built keeps the plugin contract; projects' completed km become indicators. */
@JiaoyunTest
class RuralRoadsContractIT extends PluginContractTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    @Override
    protected String moduleId() {
        return "rural-roads";
    }

    @Override
    protected HttpClient client() {
        return client;
    }

    @Override
    protected List<String> readPaths() {
        return List.of("/segments", "/projects?year=2023", "/project-kinds?year=2023", "/towns", "/bay-stops",
                "/logistics-points", "/inspections?from=2023-01-01&to=2023-12-31", "/good-road-rate?from=2023-01-01&to=2023-12-31",
                "/summary/2023/12");
    }

    @Override
    protected Object writeSample(ApiSession bureauAdmin) {
        return bureauAdmin.post(base() + "/projects", Map.of("year", 2023, "name", "县道大中修工程", "kind", "MAJOR_REPAIR",
                "town", "店口镇", "plannedKm", 107, "plannedWanYuan", 12800)).body().get("id");
    }

    @Override
    protected boolean sees(ApiSession session, Object sample) {
        return session.get(base() + "/projects/" + sample).code() == 200;
    }

    @Test
    void completedKmArePublishedForTheirMonthAndBadInputNamesTheField() {
        Object id = writeSample(adminA);
        assertThat(adminA.put(base() + "/projects/" + id + "/progress", Map.of("status", "COMPLETED")).body().toString())
                .contains("completedOn");
        var done = adminA.put(base() + "/projects/" + id + "/progress", Map.of("completedKm", 107.5,
                "investedWanYuan", 13020.5, "status", "COMPLETED", "completedOn", "2023-10-20"));
        assertThat(done.code()).as("%s", done.body()).isEqualTo(200);
        BigDecimal repaired = tx.withConnection(bureauA(), true, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select value from indicator_value where indicator_code = 'rural.km_repaired' and month = date '2023-10-01'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(repaired).isEqualByComparingTo("107.5");

        var bad = adminA.post(base() + "/segments", Map.of("routeCode", "X801", "name", "城店线", "adminClass", "PROVINCE",
                "technicalGrade", "GRADE_3", "lengthKm", 12.4));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("adminClass");
        assertThat(adminA.post(base() + "/segments", Map.of("routeCode", "X801", "name", "城店线", "adminClass", "COUNTY",
                "technicalGrade", "SUBSTANDARD", "lengthKm", 12.4, "town", "店口镇")).code()).isEqualTo(201);
        assertThat(adminA.getAny(base() + "/segments").body().toString()).contains("X801", "SUBSTANDARD");
        assertThat((List<?>) adminB.getAny(base() + "/segments").body()).isEmpty();
    }

    @Override
    protected List<CorpusRequest> moduleCorpus() {
        return List.of(
                new CorpusRequest("POST", "/segments", """
                        {"routeCode": "城店一号", "name": "城店线", "adminClass": "COUNTY", "technicalGrade": "GRADE_3",
                         "lengthKm": 12.4}""", Set.of(400)),
                new CorpusRequest("POST", "/segments", """
                        {"routeCode": "X9", "name": "城店线", "adminClass": "COUNTY", "technicalGrade": "GRADE_3",
                         "lengthKm": 1e12}""", Set.of(400)),
                new CorpusRequest("POST", "/projects", """
                        {"year": 99999, "name": "县道大修", "kind": "MAJOR_REPAIR", "plannedKm": 1}""", Set.of(400)));
    }

    @Override
    protected CorpusRequest uniqueCreate() {
        return new CorpusRequest("POST", "/segments", """
                {"routeCode": "CORPUS-X1", "name": "并发线", "adminClass": "COUNTY", "technicalGrade": "GRADE_3",
                 "lengthKm": 3}""", Set.of(201, 409));
    }
}
