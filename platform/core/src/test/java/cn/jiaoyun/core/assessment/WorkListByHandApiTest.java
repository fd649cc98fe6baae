package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.importing.ShaoxingSeed;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shaoxing's administrator builds work lists by hand: lists within the expected total, items whose
 * targets and rules are read from the typed text, reordering, removal, corrections, the
 * confirmation a judged item asks for, and copying a year. Each test works on a year of its own.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkListByHandApiTest {

    static final String LANES = "6月底前新增治超非现场执法车道18条。未按期上线的，每发现一次扣0.5分，最多扣2分。";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    AssessmentItemRepository items;

    ApiSession admin;
    Map<String, Long> units = new HashMap<>();
    Map<String, Long> departments = new HashMap<>();

    @BeforeAll
    void login() {
        admin = ApiSession.demo(client, "shaoxing", "admin");
        for (Map<String, Object> u : list(admin.getAny("/api/units").body())) {
            units.put((String) u.get("name"), ((Number) u.get("id")).longValue());
            if (u.get("shortName") != null) {
                units.put((String) u.get("shortName"), ((Number) u.get("id")).longValue());
            }
        }
        for (Map<String, Object> d : list(admin.getAny("/api/departments").body())) {
            departments.put((String) d.get("name"), ((Number) d.get("id")).longValue());
        }
    }

    @Test
    void anAdministratorBuildsAKeyListWithinTheExpectedTotal() {
        HttpResponse<Map<String, Object>> created = admin.post("/api/worklists", Map.of("year", 2081, "kind", "KEY",
                "title", "2081年重点工作清单", "unitIds", List.of(unit("执法队")), "expectedPoints", 100));
        assertThat(created.code()).as(String.valueOf(created.body())).isEqualTo(201);
        long listId = id(created.body());
        assertThat(created.body()).containsEntry("kind", "KEY").containsEntry("items", 0);
        assertThat(created.body().get("units").toString()).contains("市交通运输综合行政执法队");
        assertPoints(created.body().get("expectedPoints"), "100");

        HttpResponse<Map<String, Object>> a = admin.post("/api/worklists/" + listId + "/items",
                item("治超非现场执法", LANES, 60, "公路处", "法规处"));
        assertThat(a.code()).as(String.valueOf(a.body())).isEqualTo(201);
        long first = itemId(a.body());
        Map<String, Object> lanes = list(a.body().get("targets")).get(0);
        assertThat((String) lanes.get("subject")).contains("车道");
        assertThat(lanes).containsEntry("comparator", "AT_LEAST").containsEntry("unit", "条")
                .containsEntry("origin", "EXTRACTED").containsEntry("deadlineMonth", 6);
        assertPoints(lanes.get("value"), "18");
        Map<String, Object> rule = list(a.body().get("deductionRules")).get(0);
        assertPoints(rule.get("pointsPerOccurrence"), "0.5");
        assertPoints(rule.get("cap"), "2");
        assertThat(a.body().get("departments")).isEqualTo(List.of("公路处", "法规处"));

        long second = itemId(admin.post("/api/worklists/" + listId + "/items",
                item("工作效能", "按时报送各类材料，全年无差错。", "40", "办公室")).body());
        Map<String, Object> detail = admin.get("/api/worklists/" + listId).body();
        assertPoints(map(detail.get("list")).get("points"), "100");
        assertPoints(map(detail.get("list")).get("expectedPoints"), "100");
        assertThat(list(detail.get("items"))).extracting(i -> i.get("title")).containsExactly("治超非现场执法", "工作效能");

        String items = "/api/worklists/" + listId + "/items";
        assertError(admin.post(items, item("超出", "多出的项目。", 0.5, "办公室")), "points", "超过本局要求的 100 分");
        assertError(english(HttpRequest.POST(items, item("Over", "More.", 1, "办公室"))), "points",
                "more than the 100 the bureau expects");
        assertError(admin.post(items, item("负分", "x", -1, "办公室")), "points", "不能为负数");
        assertError(admin.post(items, item("非数字", "x", "四分", "办公室")), "points", "须为数字");
        assertError(admin.post(items, item("小数", "x", 0.125, "办公室")), "points", "两位小数");
        assertError(admin.post(items, Map.of("title", "无分值", "content", "x", "departmentIds",
                List.of(department("办公室")))), "points", "必填");
        Map<String, Object> unknown = item("未知处室", "x", 0, "办公室");
        unknown.put("departmentIds", List.of(987654321L));
        assertError(admin.post(items, unknown), "departmentIds", "987654321");
        assertError(admin.post(items, item("", "", 0, "办公室")), "title", "必填");
        assertThat(list(admin.get("/api/worklists/" + listId).body().get("items"))).as("nothing half-written")
                .hasSize(2);

        HttpResponse<Map<String, Object>> reordered = admin.put("/api/worklists/" + listId + "/order",
                Map.of("itemIds", List.of(second, first)));
        assertThat(reordered.code()).as(String.valueOf(reordered.body())).isEqualTo(200);
        assertThat(list(reordered.body().get("items"))).extracting(i -> i.get("title"), i -> i.get("position"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("工作效能", 1),
                        org.assertj.core.groups.Tuple.tuple("治超非现场执法", 2));
        assertError(admin.put("/api/worklists/" + listId + "/order", Map.of("itemIds", List.of(first))), "itemIds",
                "全部 2 个");

        HttpResponse<Map<String, Object>> changed = admin.put("/api/items/" + first,
                item("治超非现场执法示范区", LANES, 55, "公路处"));
        assertThat(changed.code()).as("no activity yet: no confirmation").isEqualTo(200);
        assertThat(changed.body().get("departments")).isEqualTo(List.of("公路处"));
        assertError(admin.put("/api/items/" + first, item("治超", LANES, 61, "公路处")), "points", "超过");
        assertError(admin.put("/api/worklists/" + listId, Map.of("title", "2081年重点工作清单", "expectedPoints", 90)),
                "expectedPoints", "95");
        HttpResponse<Map<String, Object>> renamed = admin.put("/api/worklists/" + listId,
                Map.of("title", "2081年执法队重点工作清单", "expectedPoints", 100));
        assertThat(renamed.code()).isEqualTo(200);
        assertThat(renamed.body()).containsEntry("title", "2081年执法队重点工作清单");
        assertPoints(renamed.body().get("points"), "95");

        assertThat(admin.delete("/api/items/" + second).code()).isEqualTo(204);
        assertThat(list(admin.get("/api/worklists/" + listId).body().get("items")))
                .extracting(i -> i.get("title"), i -> i.get("position"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("治超非现场执法示范区", 1));
        assertThat(admin.get("/api/items/" + second).code()).isEqualTo(404);

        assertThat(admin.getAny("/api/audit?limit=40").body().toString()).contains("WORK_LIST_CREATED",
                "ITEM_ADDED", "ITEMS_REORDERED", "ITEM_UPDATED", "WORK_LIST_UPDATED", "ITEM_REMOVED",
                "points 60", "points 55");
    }

    @Test
    void listsAreRefusedWhenBadOrAlreadyThere() {
        Map<String, Object> key = newList(2088, "KEY", "2088年重点工作清单", unit("工程中心"));
        assertThat(admin.post("/api/worklists", key).code()).isEqualTo(201);
        HttpResponse<Map<String, Object>> again = admin.post("/api/worklists", key);
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.body().get("detail").toString()).contains("市交通工程管理中心");
        Map<String, Object> routine = newList(2088, "ROUTINE", "2088年常规工作清单", unit("工程中心"), unit("监测中心"));
        assertThat(admin.post("/api/worklists", routine).code()).isEqualTo(201);
        assertThat(admin.post("/api/worklists", routine).code()).isEqualTo(409);

        assertError(admin.post("/api/worklists", newList(2088, "KEY", "两个单位", unit("工程中心"), unit("监测中心"))),
                "unitIds", "只对应一个单位");
        assertError(admin.post("/api/worklists", newList(2088, "PLANNED", "x", unit("工程中心"))), "kind", "PLANNED");
        assertError(admin.post("/api/worklists", newList(2088, "PLAN", "x", unit("工程中心"))), "kind", "PLAN");
        assertError(admin.post("/api/worklists", newList(2088, "ROUTINE", " ", unit("工程中心"))), "title", "必填");
        assertError(admin.post("/api/worklists", newList(1999, "ROUTINE", "x", unit("工程中心"))), "year", "2000");
        assertError(admin.post("/api/worklists", newList(2088, "ROUTINE", "x", 987654321L)), "unitIds", "987654321");
        Map<String, Object> negative = newList(2088, "ROUTINE", "负的总分", unit("工程中心"));
        negative.put("expectedPoints", -100);
        assertError(admin.post("/api/worklists", negative), "expectedPoints", "不能为负数");
        assertThat(list(admin.getAny("/api/worklists?year=2088").body())).hasSize(2);

        for (String user : List.of("supervisor", "reporter", "viewer")) {
            assertThat(ApiSession.demo(client, "shaoxing", user).post("/api/worklists",
                    newList(2088, "ROUTINE", "越权", unit("工程中心"))).code()).as(user).isEqualTo(403);
        }
    }

    @Test
    void aJudgedItemChangesItsPointsAndTargetsOnlyWhenConfirmedAndTheAuditKeepsBeforeAndAfter() {
        long listId = id(admin.post("/api/worklists", newList(2082, "ROUTINE", "2082年常规工作清单",
                unit("执法队"), unit("公路运输中心"))).body());
        long itemId = itemId(admin.post("/api/worklists/" + listId + "/items",
                item("治超非现场执法", LANES, 5, "规划处")).body());
        long target = ((Number) list(admin.get("/api/items/" + itemId).body().get("targets")).get(0).get("id"))
                .longValue();
        String path = "/api/items/" + itemId;
        assertThat(admin.post(path + "/progress", Map.of("unitId", unit("执法队"), "period", "2082-03",
                "values", List.of(Map.of("targetId", target, "actual", 9)))).code()).isEqualTo(200);
        ApiSession supervisor = ApiSession.demo(client, "shaoxing", "supervisor");
        assertThat(supervisor.put(path + "/review", Map.of("unitId", unit("执法队"), "score", 4)).code()).isEqualTo(200);

        HttpResponse<Map<String, Object>> unconfirmed = admin.put(path, item("治超非现场执法", LANES, 6, "规划处"));
        assertThat(unconfirmed.code()).isEqualTo(409);
        assertThat(unconfirmed.body().get("detail").toString()).contains("1 份进度填报", "1 条督查评分", "确认");
        assertThat(list(unconfirmed.body().get("errors"))).extracting(e -> e.get("field")).contains("confirm");
        HttpResponse<Map<String, Object>> inEnglish = english(HttpRequest.PUT(path, item("治超", LANES, 6, "规划处")));
        assertThat(inEnglish.body().get("detail").toString()).contains("1 progress report", "1 review", "confirm");
        assertPoints(map(admin.get(path).body().get("item")).get("points"), "5");

        assertThat(admin.put(path, item("治超非现场执法（更名）", LANES, 5, "规划处")).code())
                .as("a new title changes neither points nor targets").isEqualTo(200);
        Map<String, Object> confirmed = item("治超非现场执法（更名）", LANES, 6, "规划处");
        confirmed.put("confirm", true);
        HttpResponse<Map<String, Object>> done = admin.put(path, confirmed);
        assertThat(done.code()).as(String.valueOf(done.body())).isEqualTo(200);
        assertPoints(map(done.body().get("item")).get("points"), "6");
        String audit = admin.getAny("/api/audit?limit=20").body().toString();
        assertThat(audit).contains("ITEM_UPDATED", "before=title 治超非现场执法（更名）, points 5",
                "after=title 治超非现场执法（更名）, points 6", "confirmed");

        String newText = LANES.replace("18条", "20条");
        assertThat(admin.put(path, item("治超非现场执法（更名）", newText, 6, "规划处")).code())
                .as("the text now states another target").isEqualTo(409);
        Map<String, Object> newTarget = item("治超非现场执法（更名）", newText, 6, "规划处");
        newTarget.put("confirm", true);
        HttpResponse<Map<String, Object>> retargeted = admin.put(path, newTarget);
        assertThat(retargeted.code()).isEqualTo(200);
        assertThat(list(retargeted.body().get("targets"))).anySatisfy(t -> assertPoints(t.get("value"), "20"));
        assertThat(admin.getAny("/api/audit?limit=5").body().toString()).contains("≥ 18条", "≥ 20条");

        Map<String, Object> correction = new LinkedHashMap<>(Map.of("subject", "治超非现场执法车道", "comparator", "≥",
                "value", 22, "unit", "条"));
        assertThat(admin.put("/api/targets/" + target, correction).code()).isEqualTo(409);
        assertThat(supervisor.put("/api/targets/" + target, correction).code()).isEqualTo(409);
        assertThat(admin.delete("/api/targets/" + target).code()).isEqualTo(409);
        assertThat(admin.post(path + "/targets", correction).code()).isEqualTo(409);
        correction.put("confirm", true);
        assertThat(admin.put("/api/targets/" + target, correction).code()).isEqualTo(200);
        assertThat(admin.getAny("/api/audit?limit=5").body().toString()).contains("TARGET_CORRECTED", "before=",
                "≥ 18条", "after=治超非现场执法车道 ≥ 22条");

        HttpResponse<Map<String, Object>> remove = admin.delete(path);
        assertThat(remove.code()).isEqualTo(409);
        assertThat(remove.body().get("detail").toString()).contains("1 份进度填报");
        assertThat(admin.delete("/api/worklists/" + listId).code()).isEqualTo(409);
        assertThat(admin.get(path).code()).isEqualTo(200);

        long empty = id(admin.post("/api/worklists", newList(2082, "KEY", "2082年重点工作清单", unit("监测中心"))).body());
        admin.post("/api/worklists/" + empty + "/items", item("待删除", "x", 1, "办公室"));
        assertThat(admin.delete("/api/worklists/" + empty).code()).isEqualTo(204);
        assertThat(admin.get("/api/worklists/" + empty).code()).isEqualTo(404);
        assertThat(admin.getAny("/api/audit?limit=5").body().toString()).contains("WORK_LIST_DELETED");
    }

    @Test
    void rulesReadFromTheTextAreCorrectedAndStayCorrected() {
        long listId = id(admin.post("/api/worklists", newList(2083, "KEY", "2083年重点工作清单", unit("执法队"))).body());
        String text = "信息报送及时准确。迟报、漏报的每次扣0.2分。";
        long itemId = itemId(admin.post("/api/worklists/" + listId + "/items", item("信息报送", text, 3, "办公室")).body());
        Map<String, Object> read = list(admin.get("/api/items/" + itemId).body().get("deductionRules")).get(0);
        assertThat(read).containsEntry("origin", "EXTRACTED");

        HttpResponse<Map<String, Object>> corrected = admin.put("/api/rules/" + read.get("id"),
                Map.of("pointsPerOccurrence", 0.3, "cap", 3, "description", "迟报、漏报"));
        assertThat(corrected.code()).as(String.valueOf(corrected.body())).isEqualTo(200);
        assertThat(admin.put("/api/items/" + itemId, item("信息报送", text + "全年报送不少于12篇。", 3, "办公室"))
                .code()).isEqualTo(200);
        List<Map<String, Object>> rules = list(admin.get("/api/items/" + itemId).body().get("deductionRules"));
        assertThat(rules).as("the text does not bring the corrected rule back").hasSize(1);
        assertPoints(rules.get(0).get("pointsPerOccurrence"), "0.3");
        assertThat(rules.get(0)).containsEntry("origin", "USER");

        HttpResponse<Map<String, Object>> added = admin.post("/api/items/" + itemId + "/rules",
                Map.of("pointsPerOccurrence", "0.5", "description", "被通报批评"));
        assertThat(added.code()).isEqualTo(201);
        assertError(admin.post("/api/items/" + itemId + "/rules", Map.of("pointsPerOccurrence", -1, "description", "x")),
                "pointsPerOccurrence", "不能为负数");
        assertError(admin.post("/api/items/" + itemId + "/rules", Map.of("pointsPerOccurrence", 1)), "description", "必填");
        assertThat(admin.delete("/api/rules/" + added.body().get("id")).code()).isEqualTo(204);
        assertThat(list(admin.get("/api/items/" + itemId).body().get("deductionRules"))).hasSize(1);
        assertThat(admin.getAny("/api/audit?limit=10").body().toString()).contains("DEDUCTION_RULE_CORRECTED",
                "每次扣0.2分", "每次扣0.3分，最多扣3分", "DEDUCTION_RULE_REMOVED");
        assertThat(ApiSession.demo(client, "shaoxing", "reporter").put("/api/rules/" + rules.get(0).get("id"),
                Map.of("pointsPerOccurrence", 1, "description", "x")).code()).isEqualTo(403);
    }

    @Test
    void aYearIsCopiedToTheNextWithoutItsActivityAndOnlyOnce() {
        long key = id(admin.post("/api/worklists", newList(2084, "KEY", "2084年重点工作清单", unit("公路运输中心"))).body());
        long routine = id(admin.post("/api/worklists", newList(2084, "ROUTINE", "2084年常规工作清单",
                unit("公路运输中心"), unit("工程中心"))).body());
        long lanesItem = itemId(admin.post("/api/worklists/" + key + "/items",
                item("治超非现场执法", LANES + "完成联合执法行动12次。", 60, "公路处", "法规处")).body());
        admin.post("/api/worklists/" + routine + "/items", item("工作效能", "按时报送材料。", 10, "办公室"));
        List<Map<String, Object>> targets = list(admin.get("/api/items/" + lanesItem).body().get("targets"));
        assertThat(targets).hasSize(2);
        Object removed = targets.stream().filter(t -> t.get("subject").toString().contains("执法行动"))
                .findFirst().orElseThrow().get("id");
        assertThat(admin.delete("/api/targets/" + removed).code()).isEqualTo(204);
        assertThat(admin.post("/api/items/" + lanesItem + "/targets", Map.of("subject", "示范区验收", "comparator", "=",
                "value", 1, "unit", "个")).code()).isEqualTo(201);
        long lanes = targets.stream().filter(t -> t.get("subject").toString().contains("车道")).map(t -> (Number) t.get("id"))
                .findFirst().orElseThrow().longValue();
        assertThat(admin.post("/api/items/" + lanesItem + "/progress", Map.of("unitId", unit("公路运输中心"),
                "period", "2084-05", "values", List.of(Map.of("targetId", lanes, "actual", 7)))).code()).isEqualTo(200);

        HttpResponse<Map<String, Object>> copied = admin.post("/api/worklists/copy", Map.of("fromYear", 2084, "toYear", 2085));
        assertThat(copied.code()).as(String.valueOf(copied.body())).isEqualTo(201);
        assertThat(copied.body()).containsEntry("items", 2);
        List<Map<String, Object>> lists = list(admin.getAny("/api/worklists?year=2085").body());
        assertThat(lists).extracting(l -> l.get("title")).containsExactlyInAnyOrder("2084年重点工作清单", "2084年常规工作清单");
        Map<String, Object> keyCopy = lists.stream().filter(l -> "KEY".equals(l.get("kind"))).findFirst().orElseThrow();
        assertThat(keyCopy.get("units")).isEqualTo(List.of("市公路与运输管理中心"));
        assertPoints(keyCopy.get("expectedPoints"), "100");
        Map<String, Object> routineCopy = lists.stream().filter(l -> "ROUTINE".equals(l.get("kind"))).findFirst().orElseThrow();
        assertThat(list(routineCopy.get("unitIds"))).hasSize(2);

        long copiedItem = ((Number) list(admin.get("/api/worklists/" + keyCopy.get("id")).body().get("items")).get(0)
                .get("id")).longValue();
        Map<String, Object> copy = admin.get("/api/items/" + copiedItem).body();
        assertThat(map(copy.get("item"))).containsEntry("title", "治超非现场执法");
        assertThat(copy.get("departments")).isEqualTo(List.of("公路处", "法规处"));
        assertThat(list(copy.get("targets"))).extracting(t -> t.get("subject").toString())
                .anyMatch(s -> s.contains("车道")).contains("示范区验收").noneMatch(s -> s.contains("执法行动"));
        assertThat(list(copy.get("deductionRules"))).hasSize(1);
        assertThat(tx.readInBureau("shaoxing", () -> items.countReports("shaoxing", copiedItem))).isZero();
        assertThat(tx.readInBureau("shaoxing", () -> items.countReports("shaoxing", lanesItem))).isEqualTo(1);

        HttpResponse<Map<String, Object>> twice = admin.post("/api/worklists/copy", Map.of("fromYear", 2084, "toYear", 2085));
        assertThat(twice.code()).isEqualTo(409);
        assertThat(twice.body().get("detail").toString()).contains("2084年重点工作清单（市公路与运输管理中心）",
                "2084年常规工作清单");
        assertThat(list(admin.getAny("/api/worklists?year=2085").body())).hasSize(2);
        assertError(admin.post("/api/worklists/copy", Map.of("fromYear", 2089, "toYear", 2090)), "fromYear", "2089");
        assertError(admin.post("/api/worklists/copy", Map.of("fromYear", 2084, "toYear", 2084)), "toYear", "不同");
        assertError(admin.post("/api/worklists/copy", Map.of("fromYear", 2084)), "toYear", "必填");
        assertThat(ApiSession.demo(client, "shaoxing", "supervisor").post("/api/worklists/copy",
                Map.of("fromYear", 2084, "toYear", 2086)).code()).isEqualTo(403);
        assertThat(admin.getAny("/api/audit?limit=10").body().toString()).contains("WORK_LISTS_COPIED");
    }

    @Test
    void aCorrectedRuleOfAnImportedItemSurvivesTheNextImport() throws Exception {
        Map<String, String> commit = Map.of("year", "2087", "commit", "true");
        assertThat(admin.upload("/api/worklists/import", "shaoxing.txt", ShaoxingSeed.bytes(), commit).code())
                .isEqualTo(200);
        long itemId = -1;
        for (Map<String, Object> l : list(admin.getAny("/api/worklists?year=2087").body())) {
            for (Map<String, Object> i : list(admin.get("/api/worklists/" + l.get("id")).body().get("items"))) {
                if ("工作效能".equals(i.get("title"))) {
                    itemId = ((Number) i.get("id")).longValue();
                }
            }
        }
        List<Map<String, Object>> read = list(admin.get("/api/items/" + itemId).body().get("deductionRules"));
        Map<String, Object> rule = read.stream().filter(r -> new BigDecimal(r.get("pointsPerOccurrence").toString())
                .compareTo(new BigDecimal("0.2")) == 0).findFirst().orElseThrow();
        assertThat(admin.put("/api/rules/" + rule.get("id"), Map.of("pointsPerOccurrence", 0.25,
                "description", rule.get("description"))).code()).isEqualTo(200);

        assertThat(admin.upload("/api/worklists/import", "shaoxing.txt", ShaoxingSeed.bytes(), commit).code())
                .isEqualTo(200);
        List<Map<String, Object>> after = list(admin.get("/api/items/" + itemId).body().get("deductionRules"));
        assertThat(after).hasSize(read.size());
        assertThat(after).extracting(r -> new BigDecimal(r.get("pointsPerOccurrence").toString()).toPlainString())
                .contains("0.25").doesNotContain("0.2");
    }

    // ---- helpers

    private long unit(String shortName) {
        Long id = units.get(shortName);
        assertThat(id).as("unit " + shortName).isNotNull();
        return id;
    }

    private long department(String name) {
        return departments.get(name);
    }

    static Map<String, Object> newList(int year, String kind, String title, Long... unitIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.put("kind", kind);
        m.put("title", title);
        m.put("unitIds", List.of(unitIds));
        if ("KEY".equals(kind)) {
            m.put("expectedPoints", 100);
        }
        return m;
    }

    private Map<String, Object> item(String title, String content, Object points, String... departmentNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("content", content);
        m.put("points", points);
        m.put("departmentIds", java.util.Arrays.stream(departmentNames).map(this::department).toList());
        return m;
    }

    private HttpResponse<Map<String, Object>> english(MutableHttpRequest<?> request) {
        return ApiSession.send(client.toBlocking(), request.bearerAuth(admin.token()).header("Accept-Language", "en"));
    }

    static void assertError(HttpResponse<Map<String, Object>> r, String field, String message) {
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(400);
        assertThat(list(r.body().get("errors"))).as(String.valueOf(r.body())).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat(e.get("message").toString()).contains(message);
        });
    }

    static void assertPoints(Object actual, String expected) {
        assertThat(actual).as("points").isNotNull();
        assertThat(new BigDecimal(actual.toString())).isEqualByComparingTo(expected);
    }

    static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    static long itemId(Map<String, Object> detail) {
        return ((Number) map(detail.get("item")).get("id")).longValue();
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
