package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.importing.ShaoxingSeed;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A narrative plan imported as a PLAN list through the API: preview, commit, idempotent re-import,
 * owners, points, progress by the owner unit, 催办, and no part in the scorecards while unscored.
 * Liuyang's plan of 2019, synthetic, so that no other test's data is touched.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest {

    static final String TITLE = "浏阳市交通运输局2019年工作要点（计划接口测试）";
    static final String PLAN = """
            当前位置：首页 > 政务公开 > 规划计划
            索引号：430181-PLANAPI-001
            发布日期：2019-02-20  浏览次数：318
            %s

            2019年，全局要抓好以下几项工作。

            一、项目建设
            （一）国省干线改造。新建公路12公里，6月底前完成。
            （二）公交线网优化。9月底前，新增公交线路5条。
            二、安全生产
            1.较大以上事故起数为零。
            2.开展执法培训。全年培训执法人员200人次以上。

            浏阳市交通运输局
            2019年2月20日
            【打印本页】【关闭窗口】
            分享到：
            """.formatted(TITLE);

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession admin;
    ApiSession reporter;
    long listId;
    Map<String, Long> items;
    long enforcement;
    long office;

    @BeforeAll
    void importThePlan() {
        admin = ApiSession.demo(client, "liuyang", "admin");
        reporter = ApiSession.demo(client, "liuyang", "reporter");
        HttpResponse<Map<String, Object>> r = admin.upload("/api/plans/import", "plan-api.txt", bytes(PLAN),
                Map.of("commit", "true"));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        listId = ((Number) r.body().get("listId")).longValue();
        items = new HashMap<>();
        for (Map<String, Object> i : list(admin.get("/api/plans/" + listId).body().get("items"))) {
            items.put((String) i.get("title"), ((Number) i.get("id")).longValue());
        }
        enforcement = idNamed(admin.getAny("/api/units").body(), "浏阳市交通运输执法大队");
        office = idNamed(admin.getAny("/api/departments").body(), "办公室");
    }

    @Test
    void thePreviewShowsTheHierarchyTargetsAndIgnoredLinesAndWritesNothing() {
        String other = PLAN.replace(TITLE, "浏阳市交通运输局2019年工作要点（仅预览）");
        HttpResponse<Map<String, Object>> r = admin.upload("/api/plans/import", "preview.txt", bytes(other), Map.of());
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        Map<String, Object> preview = r.body();
        assertThat(preview).containsEntry("title", "浏阳市交通运输局2019年工作要点（仅预览）").containsEntry("year", 2019)
                .doesNotContainKey("existingListId");
        List<Map<String, Object>> previewItems = list(preview.get("items"));
        assertThat(previewItems).extracting(i -> i.get("number"))
                .containsExactly("一、", "（一）", "（二）", "二、", "1.", "2.");
        assertThat(previewItems).extracting(i -> i.get("parent")).containsExactly(null, 1, 1, null, 4, 4);
        assertThat(previewItems.get(1)).containsEntry("path", "一、 › （一）").containsEntry("title", "国省干线改造");
        assertThat(list(previewItems.get(1).get("targets"))).anySatisfy(t -> {
            assertThat(new BigDecimal(t.get("value").toString())).isEqualByComparingTo("12");
            assertThat(t.get("unit")).isEqualTo("公里");
        });
        assertThat(list(preview.get("ignored"))).extracting(l -> l.get("text").toString())
                .contains("当前位置：首页 > 政务公开 > 规划计划", "索引号：430181-PLANAPI-001",
                        "2019年，全局要抓好以下几项工作。", "2019年2月20日", "【打印本页】【关闭窗口】");
        assertThat(list(preview.get("ignored"))).extracting(l -> l.get("reason").toString())
                .contains("页面导航", "落款");
        assertThat(list(admin.getAny("/api/worklists?year=2019").body())).extracting(l -> l.get("title"))
                .as("a preview writes nothing").doesNotContain("浏阳市交通运输局2019年工作要点（仅预览）");
    }

    @Test
    void theCommittedPlanKeepsItsHierarchyUnscoredAndASecondCommitChangesNothing() {
        Map<String, Object> detail = admin.get("/api/plans/" + listId).body();
        assertThat(map(detail.get("list"))).containsEntry("kind", "PLAN").containsEntry("title", TITLE)
                .containsEntry("items", 6);
        List<Map<String, Object>> planItems = list(detail.get("items"));
        assertThat(planItems).extracting(i -> i.get("numbering")).containsExactly("一、", "（一）", "（二）", "二、", "1.", "2.");
        assertThat(planItems).extracting(i -> i.get("depth")).containsExactly(1, 2, 2, 1, 2, 2);
        assertThat(((Number) planItems.get(1).get("parentId")).longValue()).isEqualTo(items.get("项目建设"));
        assertThat(((Number) planItems.get(5).get("parentId")).longValue()).isEqualTo(items.get("安全生产"));
        assertThat(planItems).allSatisfy(i -> assertThat(i).doesNotContainKey("points"));
        assertThat(admin.get("/api/items/" + items.get("开展执法培训")).body().toString())
                .contains("全年培训执法人员200人次以上").doesNotContain("打印", "2019年2月20日");

        long section = items.get("项目建设");
        assertThat(admin.put("/api/items/" + section + "/owner", Map.of("departmentId", office)).code()).isEqualTo(200);
        assertThat(admin.put("/api/items/" + section + "/points", Map.of("points", "2.5")).code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> again = admin.upload("/api/plans/import", "plan-api.txt", bytes(PLAN),
                Map.of("commit", "true"));
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body()).containsEntry("listCreated", false).containsEntry("itemsCreated", 0)
                .containsEntry("itemsUpdated", 0).containsEntry("itemsRemoved", 0).containsEntry("targetsCreated", 0)
                .containsEntry("targetsRemoved", 0).containsEntry("itemsUnchanged", 6);
        assertThat(((Number) again.body().get("listId")).longValue()).isEqualTo(listId);
        assertThat(map(again.body().get("preview")).get("existingListId")).isEqualTo((int) listId);
        assertThat(list(admin.getAny("/api/worklists?year=2019").body()))
                .filteredOn(l -> TITLE.equals(l.get("title"))).hasSize(1);
        assertThat(admin.getAny("/api/audit?limit=50").body().toString()).contains("PLAN_IMPORTED");
        Map<String, Object> kept = list(admin.get("/api/plans/" + listId).body().get("items")).get(0);
        assertThat(kept).as("a re-import keeps what the administrator set").containsEntry("ownerName", "办公室");
        assertThat(new BigDecimal(kept.get("points").toString())).isEqualByComparingTo("2.5");
    }

    @Test
    void aChangedPlanUpdatesInPlaceKeepingWhatHasReports() {
        String title = "浏阳市交通运输局2019年工作要点（修订测试）";
        String first = title + "\n一、甲项任务\n二、乙项任务\n三、丙项任务\n";
        HttpResponse<Map<String, Object>> r = admin.upload("/api/plans/import", "v1.txt", bytes(first),
                Map.of("commit", "true"));
        long plan = ((Number) r.body().get("listId")).longValue();
        List<Map<String, Object>> before = list(admin.get("/api/plans/" + plan).body().get("items"));
        long a = ((Number) before.get(0).get("id")).longValue();
        long b = ((Number) before.get(1).get("id")).longValue();
        assertThat(admin.put("/api/items/" + a + "/owner", Map.of("unitId", enforcement)).code()).isEqualTo(200);
        assertThat(reporter.post("/api/items/" + a + "/progress", Map.of("unitId", enforcement, "period", "2019-03",
                "narrative", "已启动", "values", List.of())).code()).isEqualTo(200);

        String second = title + "\n一、乙项任务\n（一）乙项细化，完成10公里。\n二、丁项任务\n";
        HttpResponse<Map<String, Object>> changed = admin.upload("/api/plans/import", "v2.txt", bytes(second),
                Map.of("commit", "true"));
        assertThat(changed.code()).as(String.valueOf(changed.body())).isEqualTo(200);
        assertThat(changed.body()).containsEntry("listCreated", false).containsEntry("itemsCreated", 2)
                .containsEntry("itemsUpdated", 1).containsEntry("itemsRemoved", 1).containsEntry("itemsKept", 1);
        List<Map<String, Object>> after = list(admin.get("/api/plans/" + plan).body().get("items"));
        assertThat(after).extracting(i -> i.get("title"))
                .contains("乙项任务", "乙项细化，完成10公里", "丁项任务", "甲项任务").doesNotContain("丙项任务");
        assertThat(after).filteredOn(i -> "乙项任务".equals(i.get("title"))).singleElement()
                .satisfies(i -> assertThat(((Number) i.get("id")).longValue()).isEqualTo(b));
        assertThat(after).filteredOn(i -> "乙项细化，完成10公里".equals(i.get("title"))).singleElement()
                .satisfies(i -> assertThat(((Number) i.get("parentId")).longValue()).isEqualTo(b));
    }

    @Test
    void theOwnerUnitReportsProgressOnAPlanItemAndOthersCannot() {
        long roads = items.get("国省干线改造");
        Map<String, Object> report = Map.of("unitId", enforcement, "period", "2019-05", "narrative", "已完成8公里",
                "values", List.of());
        assertThat(reporter.post("/api/items/" + roads + "/progress", report).code())
                .as("no owner yet: the item is not the unit's").isEqualTo(404);
        HttpResponse<Map<String, Object>> owned = admin.put("/api/items/" + roads + "/owner",
                Map.of("unitId", enforcement));
        assertThat(owned.code()).as(String.valueOf(owned.body())).isEqualTo(200);
        assertThat(owned.body()).containsEntry("ownerName", "浏阳市交通运输执法大队");
        assertThat(reporter.put("/api/items/" + roads + "/owner", Map.of("unitId", enforcement)).code())
                .as("only the administrator sets owners").isEqualTo(403);

        long lengthTarget = ((Number) list(admin.get("/api/items/" + roads).body().get("targets")).stream()
                .filter(t -> "公里".equals(t.get("unit"))).findFirst().orElseThrow().get("id")).longValue();
        HttpResponse<Map<String, Object>> r = reporter.post("/api/items/" + roads + "/progress", Map.of(
                "unitId", enforcement, "period", "2019-05", "narrative", "已完成8公里",
                "values", List.of(Map.of("targetId", lengthTarget, "actual", 8))));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(list(r.body().get("targets"))).singleElement().satisfies(t ->
                assertThat(t.get("status")).as("2019 is over: 8 of 12 km").isEqualTo("NOT_MET"));
        assertThat(admin.getAny("/api/audit?limit=50").body().toString())
                .contains("PLAN_ITEM_OWNER_SET", "before=—, after=浏阳市交通运输执法大队", "PROGRESS_REPORTED");

        HttpResponse<Map<String, Object>> department = admin.put("/api/items/" + items.get("安全生产") + "/owner",
                Map.of("departmentId", office));
        assertThat(department.code()).isEqualTo(200);
        assertThat(department.body()).containsEntry("ownerName", "办公室").doesNotContainKey("ownerUnitId");
        assertError(admin.put("/api/items/" + roads + "/owner", Map.of("unitId", enforcement, "departmentId", office)),
                "departmentId");
        assertError(admin.put("/api/items/" + roads + "/owner", Map.of("unitId", 987654321)), "unitId");
        assertThat(map(list(admin.get("/api/plans/" + listId).body().get("items")).get(1)))
                .as("a refused change leaves the owner").containsEntry("ownerName", "浏阳市交通运输执法大队");
    }

    @Test
    void aPlansItemsFollowItsDocumentNotHandEditsAndAYearCopyLeavesThePlanOut() {
        long bus = items.get("公交线网优化");
        HttpResponse<Map<String, Object>> added = admin.post("/api/worklists/" + listId + "/items",
                Map.of("title", "手工事项", "content", "完成5公里", "points", 1, "departmentIds", List.of(office)));
        assertThat(added.code()).as(String.valueOf(added.body())).isEqualTo(409);
        assertThat(String.valueOf(added.body())).contains("重新导入");
        assertThat(admin.delete("/api/items/" + bus).code()).isEqualTo(409);
        assertThat(admin.post("/api/worklists", Map.of("year", 2097, "kind", "PLAN", "title", "手工计划",
                "unitIds", List.of(enforcement))).code()).isEqualTo(400);
        assertThat(admin.get("/api/plans/" + listId).body().toString()).contains("公交线网优化").doesNotContain("手工事项");

        admin.post("/api/worklists/copy", Map.of("fromYear", 2019, "toYear", 2098));
        assertThat(list(admin.getAny("/api/worklists?year=2098").body())).as("next year's plan is a document of its own")
                .noneMatch(l -> "PLAN".equals(l.get("kind")));
    }

    @Test
    void anOverduePlanItemOfTheOwnerUnitAppearsIn催办() {
        long bus = items.get("公交线网优化");
        assertThat(list(admin.getAny("/api/overdue?year=2019").body()))
                .noneMatch(o -> ((Number) o.get("itemId")).longValue() == bus);
        assertThat(admin.put("/api/items/" + bus + "/owner", Map.of("unitId", enforcement)).code()).isEqualTo(200);
        assertThat(list(admin.getAny("/api/overdue?year=2019").body())).anySatisfy(o -> {
            assertThat(((Number) o.get("itemId")).longValue()).isEqualTo(bus);
            assertThat(o).containsEntry("unitName", "浏阳市交通运输执法大队").containsEntry("overdue", true)
                    .containsEntry("deadline", "2019-09-30");
        });
    }

    @Test
    void unscoredPlanItemsTakeNoPartInTheScorecardsUntilTheyHavePoints() throws Exception {
        long training = items.get("开展执法培训");
        long accidents = items.get("较大以上事故起数为零");
        assertThat(admin.put("/api/items/" + training + "/owner", Map.of("unitId", enforcement)).code()).isEqualTo(200);
        assertThat(admin.put("/api/items/" + accidents + "/owner", Map.of("unitId", enforcement)).code())
                .isEqualTo(200);
        assertThat(list(admin.getAny("/api/scorecards?year=2019").body()))
                .as("unscored plan items rank no unit").noneMatch(r -> r.get("unitName").equals("浏阳市交通运输执法大队"));
        assertThat(unitsInWorkbook()).doesNotContain("浏阳市交通运输执法大队");

        assertError(admin.put("/api/items/" + training + "/points", Map.of("points", -1)), "points");
        assertError(admin.put("/api/items/" + training + "/points", Map.of("points", "五分")), "points");
        assertError(admin.put("/api/items/" + training + "/points", Map.of("points", 1.234)), "points");
        assertError(admin.put("/api/items/" + training + "/points", Map.of()), "points");
        assertThat(reporter.put("/api/items/" + training + "/points", Map.of("points", 5)).code()).isEqualTo(403);
        HttpResponse<Map<String, Object>> scored = admin.put("/api/items/" + training + "/points", Map.of("points", 5));
        assertThat(scored.code()).as(String.valueOf(scored.body())).isEqualTo(200);
        assertThat(new BigDecimal(scored.body().get("points").toString())).isEqualByComparingTo("5");

        List<Map<String, Object>> ranking = list(admin.getAny("/api/scorecards?year=2019").body());
        assertThat(ranking).filteredOn(r -> r.get("unitName").equals("浏阳市交通运输执法大队")).singleElement()
                .satisfies(row -> {
                    assertThat(new BigDecimal(row.get("maxPoints").toString()))
                            .as("only the scored item counts").isEqualByComparingTo("5");
                    assertThat(row).containsEntry("items", 1);
                });
        assertThat(unitsInWorkbook()).contains("浏阳市交通运输执法大队");
        Map<String, Object> plan = admin.get("/api/plans/" + listId).body();
        BigDecimal scoredTotal = list(plan.get("items")).stream().filter(i -> i.get("points") != null)
                .map(i -> new BigDecimal(i.get("points").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(map(plan.get("list")).get("points").toString()))
                .as("the list's total counts the scored items only").isEqualByComparingTo(scoredTotal)
                .isGreaterThanOrEqualTo(new BigDecimal("5"));

        HttpResponse<Map<String, Object>> unscored = ApiSession.send(client.toBlocking(),
                HttpRequest.PUT("/api/items/" + training + "/points", "{\"points\": null}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(admin.token()));
        assertThat(unscored.code()).as(String.valueOf(unscored.body())).isEqualTo(200);
        assertThat(unscored.body()).doesNotContainKey("points");
        assertThat(list(admin.getAny("/api/scorecards?year=2019").body()))
                .noneMatch(r -> r.get("unitName").equals("浏阳市交通运输执法大队"));
        assertThat(admin.getAny("/api/audit?limit=50").body().toString())
                .contains("PLAN_ITEM_POINTS_SET", "before=5, after=不计分");
    }

    @Test
    void aDocumentWithoutStructureIsRefusedNamingTheLineAndNothingIsWritten() {
        String bare = "浏阳市交通运输局2019年工作打算（结构测试）\n\n今年继续加强项目建设，一是抓规划，二是抓投资。\n";
        int before = list(admin.getAny("/api/worklists?year=2019").body()).size();
        for (String commit : List.of("false", "true")) {
            HttpResponse<Map<String, Object>> r = admin.upload("/api/plans/import", "bare.txt", bytes(bare),
                    Map.of("commit", commit));
            assertThat(r.code()).isEqualTo(400);
            assertThat(list(r.body().get("errors"))).singleElement().satisfies(e -> {
                assertThat(e.get("field")).isEqualTo("file");
                assertThat(e.get("message").toString()).contains("bare.txt 第3行", "编号标题");
            });
        }
        HttpResponse<Map<String, Object>> english = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/plans/import", MultipartBody.builder()
                                .addPart("file", "bare.txt", MediaType.TEXT_PLAIN_TYPE, bytes(bare)).build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .bearerAuth(admin.token()).header("Accept-Language", "en"));
        assertThat(english.body().toString()).contains("bare.txt, line 3", "numbered heading");
        assertThat(list(admin.getAny("/api/worklists?year=2019").body())).hasSize(before);
        assertError(admin.upload("/api/plans/import", "x.txt", bytes(PLAN), Map.of("year", "两千")), "year");
        assertThat(admin.upload("/api/plans/import", "x.pdf", bytes(PLAN), Map.of()).code()).isEqualTo(400);
    }

    @Test
    void theOwnerAndPointsCallsAreForPlanItemsOnly() throws Exception {
        ApiSession shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(shaoxing.upload("/api/worklists/import", "shaoxing.txt",
                ShaoxingSeed.bytes(), Map.of("year", "2020", "commit", "true"))
                .code()).isEqualTo(200);
        long listOfShaoxing = ((Number) list(shaoxing.getAny("/api/worklists?year=2020").body()).stream()
                .filter(l -> "KEY".equals(l.get("kind"))).findFirst().orElseThrow().get("id")).longValue();
        long keyItem = ((Number) list(shaoxing.get("/api/worklists/" + listOfShaoxing).body().get("items")).get(0)
                .get("id")).longValue();
        assertError(shaoxing.put("/api/items/" + keyItem + "/points", Map.of("points", 3)), "item");
        assertError(shaoxing.put("/api/items/" + keyItem + "/owner", Map.of()), "item");
        assertThat(shaoxing.get("/api/plans/" + listOfShaoxing).code()).as("a key list is no plan").isEqualTo(404);
    }

    private List<String> unitsInWorkbook() throws Exception {
        byte[] xlsx = client.toBlocking().retrieve(
                HttpRequest.GET("/api/scorecards.xlsx?year=2019").bearerAuth(admin.token()), byte[].class);
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> out.add(cell.toString()));
            }
        }
        return out;
    }

    static void assertError(HttpResponse<Map<String, Object>> r, String field) {
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(400);
        assertThat(list(r.body().get("errors"))).as(String.valueOf(r.body()))
                .anySatisfy(e -> assertThat(e.get("field")).isEqualTo(field));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static long idNamed(Object rows, String name) {
        return ((Number) list(rows).stream().filter(u -> name.equals(u.get("name"))).findFirst().orElseThrow()
                .get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
