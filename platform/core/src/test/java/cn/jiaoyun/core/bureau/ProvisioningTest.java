package cn.jiaoyun.core.bureau;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@JiaoyunTest
class ProvisioningTest {

    @Inject
    BureauStartup startup;
    @Inject
    BureauProvisioner provisioner;
    @Inject
    BureauService bureaus;
    @Inject
    TenantTransactions tx;
    @Inject
    @Named("owner")
    DataSource ownerDataSource;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theDemoBureausAreProvisionedFromTheirFiles() {
        assertThat(bureaus.all()).extracting(Bureau::id).contains("shaoxing", "zhuji", "liuyang");
        Bureau shaoxing = bureaus.registryEntry("shaoxing");
        assertThat(shaoxing.name()).isEqualTo("绍兴市交通运输局");
        assertThat(shaoxing.regionCode()).isEqualTo("330600");
        assertThat(shaoxing.level()).isEqualTo(BureauLevel.CITY);
        assertThat(bureaus.units("shaoxing")).extracting(Unit::name).containsExactly(
                "市交通运输综合行政执法队", "市公路与运输管理中心", "市交通工程管理中心", "市综合交通运行监测中心");
        assertThat(bureaus.departments("shaoxing")).extracting(Department::name)
                .contains("办公室", "规划处", "公路处", "运输处", "港航处", "安全处", "法规处", "科信处", "交战办");
        assertThat(bureaus.registryEntry("liuyang").parentRegionCode()).isEqualTo("430100");
        assertThat(bureaus.profile("shaoxing").modules())
                .containsExactlyInAnyOrder("overload-enforcement", "rural-roads", "port-throughput");
    }

    @Test
    void aSecondProvisioningChangesNothing() throws Exception {
        String before = snapshot();
        List<BureauProvisioner.Result> results = startup.provisionAll();
        assertThat(results).isNotEmpty().allMatch(r -> r.changes() == 0 && !r.created());
        assertThat(snapshot()).as("rows and their versions (xmin)").isEqualTo(before);
    }

    @Test
    void anEditedDefinitionUpdatesTheBureau() {
        String yaml = """
                code: editbureau
                name: 编辑测试交通运输局
                level: COUNTY
                regionCode: "330624"
                units:
                  - {code: a, name: 甲单位}
                  - {code: b, name: 乙单位}
                departments:
                  - {code: office, name: 办公室}
                """;
        provisioner.apply(parse(yaml), "test", "first");
        String edited = """
                code: editbureau
                name: 新昌县交通运输局
                level: COUNTY
                regionCode: "330624"
                units:
                  - {code: b, name: 乙单位（更名）}
                  - {code: c, name: 丙单位}
                departments:
                  - {code: office, name: 办公室}
                """;
        BureauProvisioner.Result r = provisioner.apply(parse(edited), "test", "second");
        assertThat(r.created()).isFalse();
        assertThat(r.changes()).isEqualTo(4);
        assertThat(bureaus.registryEntry("editbureau").name()).isEqualTo("新昌县交通运输局");
        List<Unit> units = bureaus.units("editbureau");
        assertThat(units).filteredOn(Unit::active).extracting(Unit::name).containsExactly("乙单位（更名）", "丙单位");
        assertThat(units).filteredOn(u -> !u.active()).extracting(Unit::code)
                .as("a unit the file no longer lists is kept, inactive").containsExactly("a");
        assertThat(provisioner.apply(parse(edited), "test", "third").changes()).isZero();
    }

    @Test
    void aBrokenDefinitionNamesTheFileAndFields() {
        BureauDefinitionFiles.Entry e = BureauDefinitionFiles.parse("tenants/broken/tenant.yaml",
                new ByteArrayInputStream("""
                        code: Broken!
                        level: VILLAGE
                        regionCode: "33"
                        units:
                          - {code: x}
                        """.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.valid()).isFalse();
        assertThat(e.error()).startsWith("tenants/broken/tenant.yaml: ")
                .contains("code:", "name: required", "level: unknown level", "regionCode:", "units[0].name: required");
    }

    @Test
    void aPlatformAdministratorCreatesABureauWhoseAdministratorLogsIn() {
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "pujiang");
        body.put("name", "浦江县交通运输局");
        body.put("level", "COUNTY_CITY");
        body.put("regionCode", "330726");
        body.put("parent", Map.of("regionCode", "330700", "name", "金华市"));
        body.put("units", List.of(Map.of("code", "enforcement", "name", "浦江县交通运输行政执法队")));
        body.put("admin", Map.of("username", "chief", "displayName", "浦江管理员", "password", "start-here-2026"));

        HttpResponse<Map<String, Object>> created = platform.post("/api/platform/bureaus", body);
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).containsEntry("id", "pujiang").containsEntry("name", "浦江县交通运输局");

        ApiSession chief = ApiSession.login(client, "pujiang", "chief", "start-here-2026");
        assertThat(chief.get("/api/me").body().get("roles")).isEqualTo(List.of("BUREAU_ADMIN"));
        assertThat(chief.getAny("/api/units").body().toString()).contains("浦江县交通运输行政执法队");

        assertThat(platform.post("/api/platform/bureaus", body).code()).as("same code again").isEqualTo(409);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> registry = (List<Map<String, Object>>) platform.getAny("/api/platform/bureaus").body();
        assertThat(registry).extracting(m -> m.get("id")).contains("pujiang", "shaoxing");
        assertThat(platform.getAny("/api/platform/audit").body().toString()).contains("BUREAU_CREATED");
    }

    @Test
    void anInvalidBureauIsRefusedWithEveryFieldAndNothingIsWritten() {
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        HttpResponse<Map<String, Object>> r = platform.post("/api/platform/bureaus", Map.of(
                "code", "half", "name", "半成品", "level", "COUNTY", "regionCode", "33062X",
                "admin", Map.of("username", "x", "password", "short")));
        assertThat(r.code()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) r.body().get("errors");
        assertThat(errors).extracting(e -> e.get("field"))
                .contains("regionCode", "admin.username", "admin.displayName", "admin.password");
        assertThat(bureaus.all()).extracting(Bureau::id).doesNotContain("half");
    }

    private static BureauDefinition parse(String yaml) {
        BureauDefinitionFiles.Entry e = BureauDefinitionFiles.parse("test.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.error()).isNull();
        return e.definition();
    }

    /** Every row of the provisioned tables with its row version, as one string. */
    private String snapshot() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(ownerDataSource).getConnection();
             Statement s = c.createStatement()) {
            // the owner is subject to forced RLS too: read through a session that names no bureau
            // would see nothing, so switch RLS off for this read-only superuser-free snapshot
            s.execute("set row_security = on");
            for (String table : List.of("tenant", "unit", "department", "tenant_module", "app_user", "role_grant",
                    "platform_account")) {
                for (String bureau : List.of("shaoxing", "zhuji", "liuyang")) {
                    c.setAutoCommit(false);
                    s.execute("select set_config('app.tenant_id', '" + bureau + "', true)");
                    try (ResultSet rs = s.executeQuery("select xmin::text || ':' || t::text from " + table + " t order by 1")) {
                        while (rs.next()) {
                            rows.add(table + "/" + bureau + "/" + rs.getString(1));
                        }
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
        }
        return String.join("\n", rows);
    }
}
