package cn.jiaoyun.core.assessment;

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

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static cn.jiaoyun.core.assessment.WorkListByHandApiTest.id;
import static cn.jiaoyun.core.assessment.WorkListByHandApiTest.itemId;
import static cn.jiaoyun.core.assessment.WorkListByHandApiTest.list;
import static cn.jiaoyun.core.assessment.WorkListByHandApiTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zhuji can neither see nor change Shaoxing's hand-built lists, items and rules through any of the
 * new endpoints, nor put its items on them; a platform administrator and a regional analyst are
 * refused; PostgreSQL refuses another bureau's rows when code forgets to filter.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkListByHandIsolationTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    WorkListRepository lists;
    @Inject
    AssessmentItemRepository items;

    ApiSession shaoxing;
    ApiSession zhuji;
    long shaoxingList;
    long shaoxingItem;
    long shaoxingRule;
    long shaoxingUnit;
    long shaoxingDepartment;
    long zhujiList;
    long zhujiDepartment;

    @BeforeAll
    void aListOfEachBureau() {
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        shaoxingUnit = firstId(shaoxing, "/api/units");
        shaoxingDepartment = firstId(shaoxing, "/api/departments");
        zhujiDepartment = firstId(zhuji, "/api/departments");
        shaoxingList = id(shaoxing.post("/api/worklists", Map.of("year", 2086, "kind", "KEY",
                "title", "绍兴2086年重点工作清单", "unitIds", List.of(shaoxingUnit), "expectedPoints", 100)).body());
        HttpResponse<Map<String, Object>> item = shaoxing.post("/api/worklists/" + shaoxingList + "/items",
                item("绍兴的考核项目", "迟报的每次扣0.2分。", shaoxingDepartment));
        assertThat(item.code()).as(String.valueOf(item.body())).isEqualTo(201);
        shaoxingItem = itemId(item.body());
        shaoxingRule = ((Number) list(item.body().get("deductionRules")).get(0).get("id")).longValue();
        zhujiList = id(zhuji.post("/api/worklists", Map.of("year", 2086, "kind", "ROUTINE",
                "title", "诸暨2086年常规工作清单", "unitIds", List.of(firstId(zhuji, "/api/units")))).body());
        assertThat(zhuji.post("/api/worklists/" + zhujiList + "/items", item("诸暨的考核项目", "按时完成。", zhujiDepartment))
                .code()).isEqualTo(201);
    }

    @Test
    void zhujiGetsNotFoundForShaoxingsListsItemsAndRulesThroughEveryNewEndpoint() {
        String list = "/api/worklists/" + shaoxingList;
        String item = "/api/items/" + shaoxingItem;
        String rule = "/api/rules/" + shaoxingRule;
        Map<String, Object> rename = Map.of("title", "被篡改", "expectedPoints", 100);
        Map<String, Object> ruleChange = Map.of("pointsPerOccurrence", 9, "description", "篡改", "confirm", true);
        List<HttpResponse<Map<String, Object>>> attempts = List.of(
                zhuji.get(list),
                zhuji.put(list, rename),
                zhuji.post(list + "/items", item("偷加的项目", "偷加。", zhujiDepartment)),
                zhuji.put(list + "/order", Map.of("itemIds", List.of(shaoxingItem))),
                zhuji.get(item),
                zhuji.put(item, item("被篡改", "篡改。", zhujiDepartment)),
                zhuji.post(item + "/rules", ruleChange),
                zhuji.put(rule, ruleChange),
                zhuji.delete(rule),
                zhuji.delete(item),
                zhuji.delete(list));
        for (HttpResponse<Map<String, Object>> r : attempts) {
            assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(404);
            assertThat(String.valueOf(r.body())).doesNotContain("绍兴的考核项目");
        }

        long zhujiItem = ((Number) list(zhuji.get("/api/worklists/" + zhujiList).body().get("items")).get(0).get("id"))
                .longValue();
        assertThat(zhuji.put("/api/worklists/" + zhujiList + "/order", Map.of("itemIds", List.of(shaoxingItem, zhujiItem)))
                .code())
                .as("Shaoxing's item is not one of Zhuji's list").isEqualTo(400);
        Map<String, Object> withTheirDepartment = item("诸暨项目", "x。", shaoxingDepartment);
        assertThat(zhuji.post("/api/worklists/" + zhujiList + "/items", withTheirDepartment).code()).isEqualTo(400);
        assertThat(zhuji.post("/api/worklists", Map.of("year", 2086, "kind", "KEY", "title", "借用绍兴的单位",
                "unitIds", List.of(shaoxingUnit))).code()).isEqualTo(400);
        HttpResponse<Map<String, Object>> copy = zhuji.post("/api/worklists/copy", Map.of("fromYear", 2086, "toYear", 2087));
        assertThat(copy.code()).isEqualTo(201);
        assertThat(list(copy.body().get("lists"))).extracting(l -> l.get("title")).containsExactly("诸暨2086年常规工作清单");
        assertThat(list(zhuji.getAny("/api/worklists?year=2086").body())).extracting(l -> l.get("title"))
                .containsExactly("诸暨2086年常规工作清单");
        assertThat(list(shaoxing.getAny("/api/worklists?year=2087").body())).as("Zhuji's copy stays Zhuji's").isEmpty();

        Map<String, Object> after = shaoxing.get(item).body();
        assertThat(map(after.get("item"))).containsEntry("title", "绍兴的考核项目");
        assertThat(list(after.get("deductionRules"))).hasSize(1);
        assertThat(list(shaoxing.get(list).body().get("items"))).hasSize(1);
        assertThat(map(shaoxing.get(list).body().get("list"))).containsEntry("title", "绍兴2086年重点工作清单");
    }

    @Test
    void aPlatformAdministratorAndARegionalAnalystAreRefused() {
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        ApiSession analyst = ApiSession.login(client, null, "analyst-330600", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        for (ApiSession outsider : List.of(platform, analyst)) {
            List<Function<ApiSession, HttpResponse<Map<String, Object>>>> calls = List.of(
                    s -> s.post("/api/worklists", Map.of("year", 2086, "kind", "ROUTINE", "title", "x",
                            "unitIds", List.of(shaoxingUnit))),
                    s -> s.put("/api/worklists/" + shaoxingList, Map.of("title", "x")),
                    s -> s.delete("/api/worklists/" + shaoxingList),
                    s -> s.post("/api/worklists/copy", Map.of("fromYear", 2086, "toYear", 2087)),
                    s -> s.post("/api/worklists/" + shaoxingList + "/items", item("x", "x", shaoxingDepartment)),
                    s -> s.put("/api/worklists/" + shaoxingList + "/order", Map.of("itemIds", List.of(shaoxingItem))),
                    s -> s.put("/api/items/" + shaoxingItem, item("x", "x", shaoxingDepartment)),
                    s -> s.delete("/api/items/" + shaoxingItem),
                    s -> s.post("/api/items/" + shaoxingItem + "/rules", Map.of("pointsPerOccurrence", 1, "description", "x")),
                    s -> s.put("/api/rules/" + shaoxingRule, Map.of("pointsPerOccurrence", 1, "description", "x")),
                    s -> s.delete("/api/rules/" + shaoxingRule));
            for (var call : calls) {
                HttpResponse<Map<String, Object>> r = call.apply(outsider);
                assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(403);
            }
        }
        assertThat(list(shaoxing.get("/api/worklists/" + shaoxingList).body().get("items"))).hasSize(1);
    }

    @Test
    void postgresRefusesAnotherBureausItemsWhenCodeForgets() {
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> items.save(new AssessmentItem(null, "shaoxing",
                shaoxingList, 9, "偷偷插入", "x", BigDecimal.ONE))))
                .hasStackTraceContaining("row-level security");
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> items.save(new AssessmentItem(null, "zhuji",
                shaoxingList, 9, "挂到绍兴清单上", "x", BigDecimal.ONE))))
                .as("a zhuji item on Shaoxing's list: the foreign key leads with tenant_id")
                .hasStackTraceContaining("foreign key");
        assertThat(tx.inBureau("zhuji", () -> StreamSupport.stream(items.findAll().spliterator(), false).toList()))
                .as("an unfiltered query").isNotEmpty().extracting(AssessmentItem::tenantId).containsOnly("zhuji");
        assertThat(tx.inBureau("zhuji", () -> StreamSupport.stream(lists.findAll().spliterator(), false).toList()))
                .extracting(WorkList::tenantId).containsOnly("zhuji");
        assertThat(tx.inBureau("zhuji", () -> sql("update work_list set expected_points = 1 where id = " + shaoxingList)))
                .isZero();
        assertThat(tx.inBureau("zhuji", () -> sql("update deduction_rule set suppressed = true where id = " + shaoxingRule)))
                .isZero();
        assertThat(tx.readInBureau("shaoxing", () -> lists.findById(shaoxingList)).orElseThrow().expectedPoints())
                .isEqualByComparingTo("100");
    }

    private int sql(String statement) {
        return tx.withConnection("zhuji", false, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long firstId(ApiSession session, String path) {
        return ((Number) list(session.getAny(path).body()).get(0).get("id")).longValue();
    }

    private static Map<String, Object> item(String title, String content, long departmentId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("content", content);
        m.put("points", 5);
        m.put("departmentIds", List.of(departmentId));
        return m;
    }
}
