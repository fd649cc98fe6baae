package cn.jiaoyun.core.organisation;

import cn.jiaoyun.core.organisation.OrgTesting.Item;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.core.organisation.OrgTesting.fields;
import static cn.jiaoyun.core.organisation.OrgTesting.id;
import static cn.jiaoyun.core.organisation.OrgTesting.list;
import static cn.jiaoyun.core.organisation.OrgTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A work list whose unit and department names the bureau does not know: the preview lists them
 * with a close existing name; the administrator creates some and maps others (aliases, then
 * remembered for the next import); nothing is created or remembered by a preview or by a commit
 * that fails; wrong choices are refused naming the part.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUnknownNamesTest {

    private static final String BUREAU = "导入测试县交通运输局";

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession admin;
    long transportCentre;
    long portOffice;

    @BeforeAll
    void aBureauWithSomeUnitsAndDepartments() {
        admin = OrgTesting.bureau(client, "orgimport", BUREAU);
        transportCentre = id(admin.post("/api/units", Map.of("name", "导入测试运输管理中心")));
        portOffice = id(admin.post("/api/departments", Map.of("name", "导入测试港航管理处")));
        id(admin.post("/api/departments", Map.of("name", "导入测试办公室")));
    }

    /** 运管中心 and 港航处 are the bureau's 运输管理中心 and 港航管理处; 公路段 and 安全科 are new. */
    private static byte[] file(int year, String suffix) {
        return file(year, suffix, "导入测试");
    }

    /** The unknown names start with {@code prefix}, so that each test has its own. */
    private static byte[] file(int year, String suffix, String prefix) {
        Map<String, List<Item>> units = new LinkedHashMap<>();
        units.put(prefix + "运管中心", List.of(new Item("港口管理" + suffix, "完成港口年度检查", "30",
                prefix + "港航处、导入测试办公室")));
        units.put(prefix + "公路段", List.of(new Item("公路养护" + suffix, "完成大中修20公里", "30", prefix + "安全科")));
        return OrgTesting.workList(BUREAU, year, units);
    }

    @Test
    void thePreviewListsUnknownNamesWithSuggestionsAndAPreviewCreatesNothing() {
        HttpResponse<Map<String, Object>> r = admin.upload("/api/worklists/import", "未知名称.txt", file(2041, "", "预览测试"),
                Map.of("year", "2041"));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        List<Map<String, Object>> units = list(r.body().get("unknownUnits"));
        assertThat(units).extracting(u -> u.get("name")).containsExactly("预览测试运管中心", "预览测试公路段");
        assertThat(map(units.get(0).get("suggestion"))).containsEntry("name", "导入测试运输管理中心")
                .containsEntry("id", (int) transportCentre);
        assertThat(units).allSatisfy(u -> assertThat(u).doesNotContainKey("choice"));
        List<Map<String, Object>> departments = list(r.body().get("unknownDepartments"));
        assertThat(departments).extracting(d -> d.get("name")).containsExactly("预览测试港航处", "预览测试安全科");
        assertThat(map(departments.get(0).get("suggestion"))).containsEntry("name", "导入测试港航管理处");
        assertThat((List<?>) r.body().get("problems")).hasSize(4);

        HttpResponse<Map<String, Object>> all = admin.upload("/api/worklists/import", "未知名称.txt",
                file(2041, "", "预览测试"),
                Map.of("year", "2041", "createMissing", "true"));
        assertThat(all.body().get("problems")).isEqualTo(List.of());
        assertThat(list(all.body().get("unknownUnits"))).extracting(u -> u.get("choice")).containsOnly("CREATE");

        assertThat(names("/api/units")).doesNotContain("预览测试公路段", "预览测试运管中心");
        assertThat(names("/api/departments")).doesNotContain("预览测试安全科", "预览测试港航处");
        assertThat(list(admin.getAny("/api/aliases").body())).extracting(a -> a.get("name"))
                .doesNotContain("预览测试运管中心", "预览测试港航处");
        assertThat(list(admin.getAny("/api/worklists?year=2041").body())).isEmpty();
    }

    @Test
    void createSomeMapOthersAndTheNextImportRemembersTheAliases() {
        Map<String, String> parts = Map.of("year", "2042", "commit", "true",
                "create", "[\"导入测试公路段\", \"导入测试安全科\"]",
                "aliases", "{\"导入测试运管中心\": " + transportCentre + ", \"导入测试港航处\": " + portOffice + "}");
        HttpResponse<Map<String, Object>> r = admin.upload("/api/worklists/import", "未知名称.txt", file(2042, ""), parts);
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body()).containsEntry("listsCreated", 2);

        assertThat(names("/api/units")).contains("导入测试公路段").doesNotContain("导入测试运管中心");
        assertThat(names("/api/departments")).contains("导入测试安全科").doesNotContain("导入测试港航处");
        List<Map<String, Object>> aliases = list(admin.getAny("/api/aliases").body());
        assertThat(aliases).filteredOn(a -> "导入测试运管中心".equals(a.get("name"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("kind", "UNIT").containsEntry("targetName", "导入测试运输管理中心"));
        assertThat(aliases).filteredOn(a -> "导入测试港航处".equals(a.get("name"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("kind", "DEPARTMENT")
                        .containsEntry("targetName", "导入测试港航管理处"));

        List<Map<String, Object>> lists = list(admin.getAny("/api/worklists?year=2042").body());
        assertThat(lists.stream().flatMap(l -> ((List<?>) l.get("units")).stream()).map(Object::toString).toList())
                .containsExactlyInAnyOrder("导入测试运输管理中心", "导入测试公路段");
        String audit = admin.getAny("/api/audit?limit=30").body().toString();
        assertThat(audit).contains("NAME_ALIAS_CREATED", "UNIT_CREATED", "DEPARTMENT_CREATED",
                "source=import:未知名称.txt");

        HttpResponse<Map<String, Object>> next = admin.upload("/api/worklists/import", "次年.txt", file(2043, "（次年）"),
                Map.of("year", "2043"));
        assertThat(next.body().get("unknownUnits")).isEqualTo(List.of());
        assertThat(next.body().get("unknownDepartments")).isEqualTo(List.of());
        assertThat(next.body().get("problems")).isEqualTo(List.of());
        assertThat(list(next.body().get("lists"))).extracting(l -> l.get("unitName"))
                .containsExactly("导入测试运输管理中心", "导入测试公路段");
        Map<String, Object> item = list(next.body().get("items")).get(0);
        assertThat(list(item.get("departments"))).extracting(d -> d.get("departmentId"))
                .hasSize(2).doesNotContainNull().first().isEqualTo((int) portOffice);
    }

    @Test
    void wrongChoicesAreRefusedNamingThePartAndWriteNothing() {
        long shaoxingUnit = ((Number) list(ApiSession.demo(client, "shaoxing", "admin").getAny("/api/units").body())
                .get(0).get("id")).longValue();
        List<Map<String, String>> wrong = List.of(
                Map.of("aliases", "{\"错误测试运管中心\": "),
                Map.of("aliases", "[1, 2]"),
                Map.of("aliases", "{\"错误测试运管中心\": \"abc\"}"),
                Map.of("aliases", "{\"错误测试运管中心\": " + shaoxingUnit + "}"),
                Map.of("aliases", "{\"错误测试运管中心\": " + portOffice + "}"),
                Map.of("aliases", "{\"错误测试港航处\": " + transportCentre + "}"),
                Map.of("aliases", "{\"文件里没有的名称\": " + transportCentre + "}"),
                Map.of("create", "错误测试公路段"),
                Map.of("create", "[\"文件里没有的名称\"]"),
                Map.of("createMissing", "yes"));
        for (Map<String, String> choice : wrong) {
            Map<String, String> parts = new LinkedHashMap<>(choice);
            parts.put("year", "2044");
            parts.put("commit", "true");
            HttpResponse<Map<String, Object>> r = admin.upload("/api/worklists/import", "错误选择.txt",
                    file(2044, "（错）", "错误测试"), parts);
            assertThat(r.code()).as(choice + " → " + r.body()).isEqualTo(400);
            assertThat(fields(r)).as(choice.toString()).containsExactly(choice.keySet().iterator().next());
        }
        HttpResponse<Map<String, Object>> both = admin.upload("/api/worklists/import", "错误选择.txt",
                file(2044, "（错）", "错误测试"), Map.of("year", "2044", "create", "[\"错误测试运管中心\"]",
                        "aliases", "{\"错误测试运管中心\": " + transportCentre + "}"));
        assertThat(fields(both)).containsExactly("aliases");
        assertThat(list(admin.getAny("/api/worklists?year=2044").body())).isEmpty();
    }

    @Test
    void aCommitThatFailsCreatesNothingAndRemembersNoAlias() {
        ApiSession own = OrgTesting.bureau(client, "orgrollback", "回滚测试县交通运输局");
        long centre = id(own.post("/api/units", Map.of("name", "回滚测试运输管理中心")));
        long retired = id(own.post("/api/units", Map.of("name", "回滚测试停用中心")));
        own.put("/api/units/" + retired, Map.of("active", false));
        Map<String, List<Item>> units = new LinkedHashMap<>();
        units.put("回滚测试运管中心", List.of(new Item("甲项", "完成甲", "20", "回滚测试新科")));
        units.put("回滚测试新单位", List.of(new Item("乙项", "完成乙", "20", "回滚测试新科")));
        units.put("回滚测试停用中心", List.of(new Item("丙项", "完成丙", "20", "回滚测试新科")));
        byte[] file = OrgTesting.workList("回滚测试县交通运输局", 2045, units);

        HttpResponse<Map<String, Object>> unresolved = own.upload("/api/worklists/import", "回滚.txt", file,
                Map.of("year", "2045", "commit", "true", "create", "[\"回滚测试新单位\"]",
                        "aliases", "{\"回滚测试运管中心\": " + centre + "}"));
        assertThat(unresolved.code()).as("names left without a choice").isEqualTo(422);

        HttpResponse<Map<String, Object>> failed = own.upload("/api/worklists/import", "回滚.txt", file,
                Map.of("year", "2045", "commit", "true", "createMissing", "true",
                        "aliases", "{\"回滚测试运管中心\": " + centre + "}"));
        assertThat(failed.code()).as("the inactive unit's name cannot be created again: " + failed.body())
                .isEqualTo(400);
        assertThat(fields(failed)).containsExactly("createMissing");
        assertThat(failed.body().toString()).contains("回滚测试停用中心");

        assertThat(list(own.getAny("/api/units").body())).extracting(u -> u.get("name"))
                .containsExactlyInAnyOrder("回滚测试运输管理中心", "回滚测试停用中心");
        assertThat(list(own.getAny("/api/departments").body())).isEmpty();
        assertThat(list(own.getAny("/api/aliases").body())).isEmpty();
        assertThat(list(own.getAny("/api/worklists?year=2045").body())).isEmpty();
        assertThat(own.getAny("/api/audit?limit=50").body().toString()).doesNotContain("NAME_ALIAS_CREATED",
                "WORK_LIST_IMPORTED");
    }

    private List<Object> names(String path) {
        return list(admin.getAny(path).body()).stream().map(u -> u.get("name")).toList();
    }
}
