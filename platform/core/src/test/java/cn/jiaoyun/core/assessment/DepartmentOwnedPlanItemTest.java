package cn.jiaoyun.core.assessment;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.core.assessment.PlanApiTest.assertError;
import static cn.jiaoyun.core.assessment.PlanApiTest.bytes;
import static cn.jiaoyun.core.assessment.PlanApiTest.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan item owned by a department is tracked like a unit's: a user of the department (or an
 * administrator) reports progress, its target status is computed, and it appears in 催办 for the
 * department. Another department's user, a unit's reporter and another bureau are refused.
 * A synthetic plan of Liuyang's 2018, so that no other test's data is touched.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentOwnedPlanItemTest {

    static final String TITLE = "浏阳市交通运输局2018年工作要点（处室责任测试）";
    static final String PLAN = """
            %s

            一、处室工作
            （一）公路养护巡查。6月底前，巡查公路300公里以上。
            （二）公交站亭改造。9月底前，改造公交站亭20个以上。
            """.formatted(TITLE);

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession admin;
    ApiSession unitReporter;
    ApiSession officeUser;
    ApiSession otherDepartmentUser;
    long patrol;
    long shelters;
    long office;
    long otherDepartment;

    @BeforeAll
    void importThePlanAndOwnItByADepartment() {
        admin = ApiSession.demo(client, "liuyang", "admin");
        unitReporter = ApiSession.demo(client, "liuyang", "reporter");
        HttpResponse<Map<String, Object>> r = admin.upload("/api/plans/import", "dept-plan.txt", bytes(PLAN),
                Map.of("commit", "true"));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        long listId = ((Number) r.body().get("listId")).longValue();
        Map<String, Long> items = new HashMap<>();
        for (Map<String, Object> i : list(admin.get("/api/plans/" + listId).body().get("items"))) {
            items.put((String) i.get("title"), ((Number) i.get("id")).longValue());
        }
        patrol = items.get("公路养护巡查");
        shelters = items.get("公交站亭改造");
        List<Map<String, Object>> departments = list(admin.getAny("/api/departments").body());
        office = PlanApiTest.idNamed(departments, "办公室");
        HttpResponse<Map<String, Object>> other = admin.post("/api/departments", Map.of("name", "处室责任测试科"));
        assertThat(other.code()).as(String.valueOf(other.body())).isEqualTo(201);
        otherDepartment = ((Number) other.body().get("id")).longValue();
        officeUser = user("deptown-office", office);
        otherDepartmentUser = user("deptown-other", otherDepartment);
        for (long item : List.of(patrol, shelters)) {
            assertThat(admin.put("/api/items/" + item + "/owner", Map.of("departmentId", office)).code())
                    .isEqualTo(200);
        }
    }

    private ApiSession user(String username, long departmentId) {
        HttpResponse<Map<String, Object>> created = admin.post("/api/users", Map.of("username", username,
                "displayName", "处室填报测试", "password", "long-enough-1", "roles", List.of("SUPERVISOR"),
                "departmentId", departmentId));
        assertThat(created.code()).as(String.valueOf(created.body())).isIn(200, 201);
        return ApiSession.login(client, "liuyang", username, "long-enough-1");
    }

    private static Map<String, Object> report(long departmentId, String period, long targetId, Object actual) {
        return Map.of("departmentId", departmentId, "period", period, "narrative", "处室填报",
                "values", List.of(Map.of("targetId", targetId, "actual", actual)));
    }

    private long targetOf(long item) {
        Map<String, Object> progress = admin.get("/api/items/" + item + "/progress?departmentId=" + office).body();
        return ((Number) PlanApiTest.map(list(progress.get("targets")).get(0).get("target")).get("id")).longValue();
    }

    @Test
    void theDepartmentsUserAndTheAdministratorReportAndTheStatusIsComputed() {
        long target = targetOf(patrol);
        HttpResponse<Map<String, Object>> mine = officeUser.post("/api/items/" + patrol + "/progress",
                report(office, "2018-03", target, 120));
        assertThat(mine.code()).as(String.valueOf(mine.body())).isEqualTo(200);
        assertThat(mine.body()).containsEntry("departmentId", (int) office).doesNotContainKey("unitId");
        HttpResponse<Map<String, Object>> byAdmin = admin.post("/api/items/" + patrol + "/progress",
                report(office, "2018-06", target, 320));
        assertThat(byAdmin.code()).as(String.valueOf(byAdmin.body())).isEqualTo(200);

        Map<String, Object> progress = admin.get("/api/items/" + patrol + "/progress?departmentId=" + office).body();
        assertThat(list(progress.get("reports"))).extracting(p -> p.get("period"))
                .containsExactly("2018-06-01", "2018-03-01");
        assertThat(list(progress.get("targets"))).singleElement().satisfies(t -> {
            assertThat(new BigDecimal(t.get("latest").toString())).isEqualByComparingTo("320");
            assertThat(t.get("status")).isEqualTo("MET");
        });
        assertThat(admin.getAny("/api/audit?limit=50").body().toString())
                .contains("item:" + patrol + ", department:" + office + ", 2018-06");
    }

    @Test
    void 催办ShowsTheUnreportedItemForTheDepartment() {
        assertThat(list(admin.getAny("/api/overdue?year=2018").body())).anySatisfy(o -> {
            assertThat(((Number) o.get("itemId")).longValue()).isEqualTo(shelters);
            assertThat(o).containsEntry("departmentId", (int) office).containsEntry("unitName", "办公室")
                    .containsEntry("overdue", true).containsEntry("deadline", "2018-09-30")
                    .doesNotContainKey("unitId");
        });
        long target = targetOf(shelters);
        assertThat(officeUser.post("/api/items/" + shelters + "/progress", report(office, "2018-09", target, 21))
                .code()).isEqualTo(200);
        assertThat(list(admin.getAny("/api/overdue?year=2018").body()))
                .as("reported since the deadline's month")
                .noneMatch(o -> ((Number) o.get("itemId")).longValue() == shelters);
    }

    @Test
    void othersAreRefusedAndNothingIsWritten() {
        long target = targetOf(patrol);
        assertThat(otherDepartmentUser.post("/api/items/" + patrol + "/progress", report(office, "2018-04", target, 1))
                .code()).as("a user of another department").isEqualTo(403);
        assertThat(otherDepartmentUser.post("/api/items/" + patrol + "/progress",
                report(otherDepartment, "2018-04", target, 1)).code()).as("not the owner").isEqualTo(404);
        assertThat(unitReporter.post("/api/items/" + patrol + "/progress", report(office, "2018-04", target, 1))
                .code()).as("a unit's reporter").isEqualTo(403);
        assertThat(admin.get("/api/items/" + patrol + "/progress?departmentId=" + otherDepartment).code())
                .isEqualTo(404);
        assertError(admin.post("/api/items/" + patrol + "/progress", Map.of("period", "2018-04",
                "values", List.of())), "unitId");
        assertError(admin.post("/api/items/" + patrol + "/progress", Map.of("unitId", 1, "departmentId", office,
                "period", "2018-04", "values", List.of())), "departmentId");
        Map<String, Object> progress = admin.get("/api/items/" + patrol + "/progress?departmentId=" + office).body();
        assertThat(list(progress.get("reports"))).noneMatch(p -> "2018-04-01".equals(p.get("period")));

        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(zhuji.post("/api/items/" + patrol + "/progress", report(office, "2018-04", target, 1)).code())
                .isEqualTo(404);
        assertThat(zhuji.get("/api/items/" + patrol + "/progress?departmentId=" + office).code()).isEqualTo(404);
        assertThat(list(zhuji.getAny("/api/overdue?year=2018").body()))
                .noneMatch(o -> ((Number) o.get("itemId")).longValue() == patrol);
    }
}
