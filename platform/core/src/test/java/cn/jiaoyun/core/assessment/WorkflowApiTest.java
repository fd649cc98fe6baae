package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.importing.ShaoxingSeed;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year's workflow on Shaoxing's 2020 lists: reporters report for their own unit, supervisors
 * score what their department supervises, deductions by rule, scorecards and ranking, overdue
 * items, and another bureau kept out of all of it.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowApiTest {

    private static final String ENFORCEMENT = "市交通运输综合行政执法队";
    private static final String HIGHWAY = "市公路与运输管理中心";

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession admin;
    ApiSession reporter;
    ApiSession planning;
    ApiSession office;
    Map<String, Long> units;

    @BeforeAll
    void importTheLists() throws Exception {
        admin = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(admin.upload("/api/worklists/import", "shaoxing.txt", ShaoxingSeed.bytes(),
                Map.of("year", "2020", "commit", "true")).code()).isEqualTo(200);
        reporter = ApiSession.demo(client, "shaoxing", "reporter");
        planning = ApiSession.demo(client, "shaoxing", "supervisor");
        units = new java.util.HashMap<>();
        for (Map<String, Object> u : list(admin.getAny("/api/units").body())) {
            units.put((String) u.get("name"), ((Number) u.get("id")).longValue());
        }
        Object officeId = list(admin.getAny("/api/departments").body()).stream()
                .filter(d -> "办公室".equals(d.get("name"))).findFirst().orElseThrow().get("id");
        assertThat(admin.post("/api/users", Map.of("username", "office-sup", "displayName", "办公室督查员",
                "password", "office-sup-2020", "roles", List.of("SUPERVISOR"), "departmentId", officeId)).code()).isEqualTo(201);
        office = ApiSession.login(client, "shaoxing", "office-sup", "office-sup-2020");
    }

    @Test
    void aReporterReportsForTheOwnUnitOnlyAndEveryValueChangeIsAudited() {
        long item = item(ENFORCEMENT, "治超非现场执法示范区创建");
        long lanes = target(item, "车道");
        HttpResponse<Map<String, Object>> r = reporter.post("/api/items/" + item + "/progress", Map.of(
                "unitId", units.get(ENFORCEMENT), "period", "2020-06", "narrative", "新增车道9条已投入使用",
                "values", List.of(Map.of("targetId", lanes, "actual", 9))));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        Map<String, Object> state = list(r.body().get("targets")).stream()
                .filter(t -> ((Number) ((Map<?, ?>) t.get("target")).get("id")).longValue() == lanes).findFirst().orElseThrow();
        assertThat(new BigDecimal(state.get("latest").toString())).isEqualByComparingTo("9");
        assertThat(state.get("status")).as("2020 is over: 9 of 18 lanes is not met").isEqualTo("NOT_MET");
        assertThat(state.get("colour")).isEqualTo("red");

        assertThat(reporter.post("/api/items/" + item + "/progress", Map.of("unitId", units.get(ENFORCEMENT),
                "period", "2020-06", "values", List.of(Map.of("targetId", lanes, "actual", 18)))).code()).isEqualTo(200);
        assertThat(reporter.get("/api/items/" + item + "/progress?unitId=" + units.get(ENFORCEMENT)).body().toString())
                .contains("MET");
        assertThat(admin.getAny("/api/audit?limit=30").body().toString()).contains("PROGRESS_REPORTED", "9 → 18");

        long routine = item("ROUTINE", "工作效能");
        assertThat(reporter.post("/api/items/" + routine + "/progress", Map.of("unitId", units.get(HIGHWAY),
                "period", "2020-06", "values", List.of())).code()).as("another unit's report").isEqualTo(403);
        long highwayItem = item(HIGHWAY, "“四好农村路”建设");
        assertThat(reporter.post("/api/items/" + highwayItem + "/progress", Map.of("unitId", units.get(ENFORCEMENT),
                "period", "2020-06", "values", List.of())).code()).as("an item not of the unit's lists").isEqualTo(404);
        assertThat(ApiSession.demo(client, "shaoxing", "viewer").post("/api/items/" + item + "/progress",
                Map.of("unitId", units.get(ENFORCEMENT), "period", "2020-06", "values", List.of())).code()).isEqualTo(403);
        assertThat(reporter.post("/api/items/" + item + "/progress", Map.of("unitId", units.get(ENFORCEMENT),
                "period", "June", "values", List.of())).code()).isEqualTo(400);
    }

    @Test
    void supervisorsScoreOnlyWhatTheirDepartmentSupervisesWithinThePoints() {
        long strong = item(ENFORCEMENT, "交通强市");
        List<Map<String, Object>> queue = list(planning.getAny("/api/reviews/pending?year=2020").body());
        assertThat(queue).as("规划处's queue holds the items it supervises, for each unit").anySatisfy(p -> {
            assertThat(((Number) p.get("itemId")).longValue()).isEqualTo(strong);
            assertThat(p.get("unitName")).isEqualTo(ENFORCEMENT);
        });
        long lanes = item(ENFORCEMENT, "治超非现场执法示范区创建");
        assertThat(queue).noneMatch(p -> ((Number) p.get("itemId")).longValue() == lanes);
        assertThat(reporter.getAny("/api/reviews/pending?year=2020").code()).isEqualTo(403);
        assertThat(planning.put("/api/items/" + strong + "/review", Map.of("unitId", units.get(ENFORCEMENT),
                "score", 3.5, "comment", "按期推进")).code()).isEqualTo(200);
        assertThat(planning.put("/api/items/" + strong + "/review", Map.of("unitId", units.get(ENFORCEMENT),
                "score", 3, "comment", "复核后调整")).code()).isEqualTo(200);
        assertThat(admin.getAny("/api/audit?limit=30").body().toString()).contains("REVIEW_SCORED", "before=3.5, after=3");
        assertThat(list(planning.getAny("/api/reviews/pending?year=2020").body()))
                .as("a scored item leaves the queue")
                .noneMatch(p -> ((Number) p.get("itemId")).longValue() == strong && ENFORCEMENT.equals(p.get("unitName")));

        HttpResponse<Map<String, Object>> tooHigh = planning.put("/api/items/" + strong + "/review",
                Map.of("unitId", units.get(ENFORCEMENT), "score", 5));
        assertThat(tooHigh.code()).isEqualTo(400);
        assertThat(tooHigh.body().toString()).contains("0 到 4");

        long lanesItem = item(ENFORCEMENT, "治超非现场执法示范区创建");
        assertThat(planning.put("/api/items/" + lanesItem + "/review", Map.of("unitId", units.get(ENFORCEMENT),
                "score", 4)).code()).as("supervised by 公路处 and 法规处, not 规划处").isEqualTo(403);
        assertThat(reporter.put("/api/items/" + strong + "/review", Map.of("unitId", units.get(ENFORCEMENT),
                "score", 4)).code()).isEqualTo(403);
    }

    @Test
    void deductionsByRuleAndReviewsMakeTheScorecardAndRanking() throws Exception {
        long strong = item(HIGHWAY, "交通强市");
        assertThat(planning.put("/api/items/" + strong + "/review", Map.of("unitId", units.get(HIGHWAY),
                "score", 7)).code()).isEqualTo(200);
        long efficiency = item("ROUTINE", "工作效能");
        Map<String, Object> detail = admin.get("/api/items/" + efficiency).body();
        Object rule = list(detail.get("deductionRules")).stream()
                .filter(r -> new BigDecimal(r.get("pointsPerOccurrence").toString()).compareTo(new BigDecimal("0.2")) == 0)
                .findFirst().orElseThrow().get("id");
        HttpResponse<Map<String, Object>> deducted = office.post("/api/items/" + efficiency + "/deductions", Map.of(
                "unitId", units.get(HIGHWAY), "ruleId", rule, "occurrences", 2, "reason", "公文办理逾期两次"));
        assertThat(deducted.code()).as(String.valueOf(deducted.body())).isEqualTo(200);
        assertThat(planning.post("/api/items/" + efficiency + "/deductions", Map.of("unitId", units.get(HIGHWAY),
                "points", 1, "reason", "越权扣分")).code()).as("工作效能 is supervised by 办公室").isEqualTo(403);
        assertThat(office.post("/api/items/" + efficiency + "/deductions", Map.of("unitId", units.get(HIGHWAY),
                "points", 1)).code()).as("a deduction needs its reason").isEqualTo(400);

        List<Map<String, Object>> ranking = list(admin.getAny("/api/scorecards?year=2020").body());
        Map<String, Object> highway = ranking.stream().filter(r -> HIGHWAY.equals(r.get("unitName"))).findFirst().orElseThrow();
        assertThat(highway).containsEntry("rank", 1);
        assertThat(new BigDecimal(highway.get("reviewed").toString())).isEqualByComparingTo("7");
        assertThat(new BigDecimal(highway.get("deducted").toString())).isEqualByComparingTo("0.4");
        assertThat(new BigDecimal(highway.get("total").toString())).isEqualByComparingTo("6.6");
        assertThat(new BigDecimal(highway.get("maxPoints").toString())).as("60 key + 20 routine").isEqualByComparingTo("80");
        assertThat(ranking).hasSize(4);

        HttpResponse<byte[]> xlsx = client.toBlocking().exchange(HttpRequest.GET("/api/scorecards.xlsx?year=2020")
                .bearerAuth(admin.token()), Argument.of(byte[].class));
        assertThat(xlsx.getContentType().orElseThrow().toString()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("得分");
            Row first = sheet.getRow(2);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(HIGHWAY);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(6.6);
        }
    }

    @Test
    void itemsDueWithoutAReportAreOverdueUntilReported() {
        long bus = item(ENFORCEMENT, "“国家公交都市”创建");
        List<Map<String, Object>> overdue = list(admin.getAny("/api/overdue?year=2020").body());
        assertThat(overdue).anySatisfy(o -> {
            assertThat(((Number) o.get("itemId")).longValue()).isEqualTo(bus);
            assertThat(o.get("unitName")).isEqualTo(ENFORCEMENT);
            assertThat(o.get("deadline")).isEqualTo("2020-06-30");
            assertThat(o.get("overdue")).isEqualTo(true);
        });
        assertThat(reporter.post("/api/items/" + bus + "/progress", Map.of("unitId", units.get(ENFORCEMENT),
                "period", "2020-06", "values", List.of())).code()).isEqualTo(200);
        assertThat(list(admin.getAny("/api/overdue?year=2020").body()))
                .noneMatch(o -> ((Number) o.get("itemId")).longValue() == bus && ENFORCEMENT.equals(o.get("unitName")));
    }

    @Test
    void anotherBureauCanNeitherReportNorReviewNorSeeTheScores() {
        long item = item(ENFORCEMENT, "交通强市");
        ApiSession zhujiReporter = ApiSession.demo(client, "zhuji", "reporter");
        ApiSession zhujiSupervisor = ApiSession.demo(client, "zhuji", "supervisor");
        ApiSession zhujiAdmin = ApiSession.demo(client, "zhuji", "admin");
        assertThat(zhujiReporter.post("/api/items/" + item + "/progress", Map.of("unitId", units.get(ENFORCEMENT),
                "period", "2020-06", "values", List.of())).code()).isEqualTo(404);
        assertThat(zhujiSupervisor.put("/api/items/" + item + "/review", Map.of("unitId", units.get(ENFORCEMENT),
                "score", 4)).code()).isEqualTo(404);
        assertThat(zhujiAdmin.get("/api/items/" + item + "/progress?unitId=" + units.get(ENFORCEMENT)).code()).isEqualTo(404);
        assertThat(list(zhujiAdmin.getAny("/api/scorecards?year=2020").body())).isEmpty();
        assertThat(list(zhujiAdmin.getAny("/api/overdue?year=2020").body())).isEmpty();
    }

    private long item(String listOwner, String title) {
        for (Map<String, Object> l : list(admin.getAny("/api/worklists?year=2020").body())) {
            boolean ours = "ROUTINE".equals(listOwner) ? "ROUTINE".equals(l.get("kind"))
                    : "KEY".equals(l.get("kind")) && ((List<?>) l.get("units")).contains(listOwner);
            if (!ours) {
                continue;
            }
            for (Map<String, Object> i : list(admin.get("/api/worklists/" + l.get("id")).body().get("items"))) {
                if (title.equals(i.get("title"))) {
                    return ((Number) i.get("id")).longValue();
                }
            }
        }
        throw new AssertionError("no item " + title + " of " + listOwner);
    }

    private long target(long item, String subjectPart) {
        return list(admin.get("/api/items/" + item).body().get("targets")).stream()
                .filter(t -> ((String) t.get("subject")).contains(subjectPart))
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
