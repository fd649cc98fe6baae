package cn.jiaoyun.core.organisation;

import cn.jiaoyun.core.organisation.OrgTesting.Item;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.core.organisation.OrgTesting.fields;
import static cn.jiaoyun.core.organisation.OrgTesting.id;
import static cn.jiaoyun.core.organisation.OrgTesting.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau administrator keeps units and departments through the API: create (201 with the id
 * and a generated code), rename, short names, unique names, reorder, deactivate and reactivate,
 * delete only what nothing refers to; every change in the audit log.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession admin;

    @BeforeAll
    void aBureauOfItsOwn() {
        admin = OrgTesting.bureau(client, "orgapi", "组织接口测试县交通运输局");
    }

    @Test
    void anAdministratorCreatesAndRenamesUnitsAndDepartmentsWithShortNames() {
        HttpResponse<Map<String, Object>> created = admin.post("/api/units",
                Map.of("name", "接口测试综合行政执法队", "shortName", "执法队"));
        long unit = id(created);
        assertThat(created.body()).containsEntry("name", "接口测试综合行政执法队").containsEntry("shortName", "执法队")
                .containsEntry("active", true);
        assertThat((String) created.body().get("code")).matches("[a-z][a-z0-9-]{0,39}");
        assertThat(admin.get("/api/units/" + unit).body()).containsEntry("name", "接口测试综合行政执法队");

        HttpResponse<Map<String, Object>> renamed = admin.put("/api/units/" + unit,
                Map.of("name", "接口测试交通运输行政执法队"));
        assertThat(renamed.code()).as(String.valueOf(renamed.body())).isEqualTo(200);
        assertThat(renamed.body()).containsEntry("name", "接口测试交通运输行政执法队")
                .as("a field left out stays").containsEntry("shortName", "执法队");
        assertThat(admin.put("/api/units/" + unit, Map.of("shortName", "")).body()).doesNotContainKey("shortName");

        long department = id(admin.post("/api/departments", Map.of("name", "接口测试港航管理处", "shortName", "港航处")));
        assertThat(admin.get("/api/departments/" + department).body()).containsEntry("shortName", "港航处");
        assertThat(list(admin.getAny("/api/departments").body())).extracting(d -> d.get("name"))
                .contains("接口测试港航管理处");

        String audit = admin.getAny("/api/audit?limit=50").body().toString();
        assertThat(audit).contains("UNIT_CREATED", "DEPARTMENT_CREATED", "UNIT_UPDATED",
                "name: 接口测试综合行政执法队 → 接口测试交通运输行政执法队", "shortName: 执法队 → null");
    }

    @Test
    void namesAreUniqueWithinTheBureauWhateverTheCaseAndSpaces() {
        id(admin.post("/api/units", Map.of("name", "Unique 测试中心")));
        HttpResponse<Map<String, Object>> again = admin.post("/api/units", Map.of("name", " unique　测试 中心 "));
        assertThat(again.code()).isEqualTo(400);
        assertThat(fields(again)).containsExactly("name");
        assertThat(again.body().toString()).contains("Unique 测试中心");

        long other = id(admin.post("/api/units", Map.of("name", "唯一测试另一中心")));
        HttpResponse<Map<String, Object>> rename = admin.put("/api/units/" + other, Map.of("name", "UNIQUE测试中心"));
        assertThat(rename.code()).isEqualTo(400);
        assertThat(fields(rename)).containsExactly("name");
        assertThat(admin.get("/api/units/" + other).body()).containsEntry("name", "唯一测试另一中心");

        assertThat(fields(admin.post("/api/departments", Map.of("name", "  ")))).containsExactly("name");
        assertThat(fields(admin.post("/api/departments", Map.of("shortName", "无名")))).containsExactly("name");
        assertThat(list(admin.getAny("/api/units").body())).filteredOn(u -> u.get("name").toString().contains("unique"))
                .as("nothing half-written").isEmpty();
    }

    @Test
    void whatHasDataCannotBeDeletedOnlyDeactivatedAndReactivated() {
        long unit = id(admin.post("/api/units", Map.of("name", "删除测试有用户的单位")));
        long department = id(admin.post("/api/departments", Map.of("name", "删除测试督查科")));
        HttpResponse<Map<String, Object>> user = admin.post("/api/users", Map.of("username", "org-delete-reporter",
                "displayName", "删除测试填报员", "password", "reporter-2026", "roles", List.of("REPORTER"),
                "unitId", unit));
        assertThat(user.code()).as(String.valueOf(user.body())).isEqualTo(201);
        HttpResponse<Map<String, Object>> imported = admin.upload("/api/worklists/import", "删除测试.txt",
                OrgTesting.workList("组织接口测试县交通运输局", 2031, Map.of("删除测试有用户的单位",
                        List.of(new Item("删除测试项目", "完成删除测试", "10", "删除测试督查科")))),
                Map.of("year", "2031", "commit", "true"));
        assertThat(imported.code()).as(String.valueOf(imported.body())).isEqualTo(200);

        HttpResponse<Map<String, Object>> refused = admin.delete("/api/units/" + unit);
        assertThat(refused.code()).isEqualTo(409);
        assertThat((String) refused.body().get("detail")).contains("删除测试有用户的单位", "用户", "工作清单", "停用");
        HttpResponse<Map<String, Object>> english = ApiSession.send(client.toBlocking(),
                HttpRequest.DELETE("/api/departments/" + department).bearerAuth(admin.token())
                        .header("Accept-Language", "en"));
        assertThat(english.code()).isEqualTo(409);
        assertThat((String) english.body().get("detail")).contains("删除测试督查科", "supervised items", "deactivated");
        assertThat(admin.get("/api/units/" + unit).code()).as("still there").isEqualTo(200);

        assertThat(admin.put("/api/units/" + unit, Map.of("active", false)).body()).containsEntry("active", false);
        assertThat(admin.get("/api/units/" + unit).body()).containsEntry("active", false);
        assertThat(admin.put("/api/units/" + unit, Map.of("active", true)).body()).containsEntry("active", true);
        assertThat(admin.put("/api/departments/" + department, Map.of("active", false)).body())
                .containsEntry("active", false);

        long unused = id(admin.post("/api/units", Map.of("name", "删除测试无数据单位")));
        assertThat(admin.delete("/api/units/" + unused).code()).isEqualTo(204);
        assertThat(admin.get("/api/units/" + unused).code()).isEqualTo(404);
        long unusedDepartment = id(admin.post("/api/departments", Map.of("name", "删除测试无数据科")));
        assertThat(admin.delete("/api/departments/" + unusedDepartment).code()).isEqualTo(204);

        String audit = admin.getAny("/api/audit?limit=80").body().toString();
        assertThat(audit).contains("UNIT_DELETED", "DEPARTMENT_DELETED", "active: true → false",
                "active: false → true");
    }

    @Test
    void unitsAreReorderedByAListOfIdsOrByMovingOneToAPlace() {
        ApiSession own = OrgTesting.bureau(client, "orgorder", "排序测试县交通运输局");
        long a = id(own.post("/api/units", Map.of("name", "排序甲")));
        long b = id(own.post("/api/units", Map.of("name", "排序乙")));
        long c = id(own.post("/api/units", Map.of("name", "排序丙")));

        HttpResponse<Map<String, Object>> ordered = own.put("/api/units/order", Map.of("ids", List.of(c, a)));
        assertThat(ordered.code()).as(String.valueOf(ordered.body())).isEqualTo(200);
        assertThat(names(own, "/api/units")).containsExactly("排序丙", "排序甲", "排序乙");

        assertThat(own.put("/api/units/" + b, Map.of("sortOrder", 1)).code()).isEqualTo(200);
        assertThat(names(own, "/api/units")).containsExactly("排序乙", "排序丙", "排序甲");
        assertThat(list(own.getAny("/api/units").body())).extracting(u -> u.get("sortOrder")).containsExactly(1, 2, 3);

        assertThat(fields(own.put("/api/units/order", Map.of("ids", List.of(a, 999_999_999L))))).containsExactly("ids");
        assertThat(fields(own.put("/api/units/order", Map.of("ids", List.of(a, a))))).containsExactly("ids");
        assertThat(fields(own.put("/api/units/" + a, Map.of("sortOrder", 9)))).containsExactly("sortOrder");
        assertThat(names(own, "/api/units")).as("refusals change nothing").containsExactly("排序乙", "排序丙", "排序甲");

        long d1 = id(own.post("/api/departments", Map.of("name", "排序一科")));
        long d2 = id(own.post("/api/departments", Map.of("name", "排序二科")));
        own.put("/api/departments/order", Map.of("ids", List.of(d2, d1)));
        assertThat(names(own, "/api/departments")).containsExactly("排序二科", "排序一科");
        assertThat(own.getAny("/api/audit?limit=30").body().toString()).contains("UNITS_REORDERED",
                "DEPARTMENTS_REORDERED", "排序丙、排序甲、排序乙");
    }

    @Test
    void onlyTheBureauAdministratorChangesTheOrganisation() {
        ApiSession supervisor = ApiSession.demo(client, "shaoxing", "supervisor");
        assertThat(supervisor.post("/api/units", Map.of("name", "主管无权新建")).code()).isEqualTo(403);
        Map<String, Object> unit = list(supervisor.getAny("/api/units").body()).get(0);
        Map<String, Object> change = new HashMap<>(Map.of("name", "主管无权改名"));
        assertThat(supervisor.put("/api/units/" + unit.get("id"), change).code()).isEqualTo(403);
        assertThat(supervisor.delete("/api/units/" + unit.get("id")).code()).isEqualTo(403);
        assertThat(supervisor.getAny("/api/aliases").code()).isEqualTo(403);
        assertThat(supervisor.get("/api/units/" + unit.get("id")).body()).containsEntry("name", unit.get("name"));
    }

    private static List<Object> names(ApiSession s, String path) {
        return list(s.getAny(path).body()).stream().map(u -> u.get("name")).toList();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
