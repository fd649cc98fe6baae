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
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static cn.jiaoyun.core.assessment.PlanApiTest.bytes;
import static cn.jiaoyun.core.assessment.PlanApiTest.idNamed;
import static cn.jiaoyun.core.assessment.PlanApiTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Liuyang's plan is Liuyang's: Zhuji gets 404 for its plan and items and cannot set an owner or
 * points on them, a platform administrator and a regional analyst are refused, and PostgreSQL
 * refuses rows of another bureau and unscored items outside a plan.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanIsolationTest {

    static final String TITLE = "浏阳市交通运输局2018年工作要点（隔离测试）";
    static final String PLAN = TITLE + """

            一、绝密项目
            （一）新建隔离大桥1座。
            二、安全生产
            """;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    PlanItemRepository planItems;
    @Inject
    AssessmentItemRepository items;
    @Inject
    WorkListRepository lists;

    ApiSession liuyang;
    ApiSession zhuji;
    long listId;
    long itemId;
    long liuyangUnit;
    long zhujiUnit;

    @BeforeAll
    void liuyangImportsAPlan() {
        liuyang = ApiSession.demo(client, "liuyang", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        HttpResponse<Map<String, Object>> r = liuyang.upload("/api/plans/import", "isolation.txt", bytes(PLAN),
                Map.of("commit", "true"));
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
        listId = ((Number) r.body().get("listId")).longValue();
        itemId = ((Number) list(liuyang.get("/api/plans/" + listId).body().get("items")).get(1).get("id")).longValue();
        liuyangUnit = idNamed(liuyang.getAny("/api/units").body(), "浏阳市交通运输执法大队");
        zhujiUnit = ((Number) list(zhuji.getAny("/api/units").body()).get(0).get("id")).longValue();
        assertThat(zhuji.upload("/api/plans/import", "zhuji.txt",
                bytes("诸暨市交通运输局2018年工作要点（隔离测试）\n一、诸暨自己的事项\n"), Map.of("commit", "true"))
                .code()).isEqualTo(200);
    }

    @Test
    void zhujiGetsNotFoundForLiuyangsPlanAndItsItemsAndChangesNothing() {
        List<HttpResponse<Map<String, Object>>> attempts = List.of(
                zhuji.get("/api/plans/" + listId),
                zhuji.get("/api/worklists/" + listId),
                zhuji.get("/api/items/" + itemId),
                zhuji.put("/api/items/" + itemId + "/owner", Map.of("unitId", zhujiUnit)),
                zhuji.put("/api/items/" + itemId + "/points", Map.of("points", 5)),
                zhuji.post("/api/items/" + itemId + "/progress", Map.of("unitId", zhujiUnit, "period", "2018-05",
                        "values", List.of())),
                zhuji.get("/api/items/" + itemId + "/progress?unitId=" + zhujiUnit));
        for (HttpResponse<Map<String, Object>> r : attempts) {
            assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(404);
            assertThat(String.valueOf(r.body())).doesNotContain("隔离大桥", "绝密项目");
        }
        assertThat(list(zhuji.getAny("/api/worklists?year=2018").body())).extracting(l -> l.get("title"))
                .doesNotContain(TITLE);
        assertThat(list(zhuji.getAny("/api/overdue?year=2018").body())).extracting(o -> o.get("title").toString())
                .doesNotContain("新建隔离大桥1座");

        Map<String, Object> item = list(liuyang.get("/api/plans/" + listId).body().get("items")).get(1);
        assertThat(item).doesNotContainKey("ownerUnitId").doesNotContainKey("points");
        assertThat(liuyang.put("/api/items/" + itemId + "/owner", Map.of("unitId", zhujiUnit)).code())
                .as("Liuyang cannot name Zhuji's unit as an owner").isEqualTo(400);
        assertThat(liuyang.put("/api/items/" + itemId + "/owner", Map.of("unitId", liuyangUnit)).code()).isEqualTo(200);
    }

    @Test
    void aPlatformAdministratorAndARegionalAnalystAreRefused() {
        for (String account : List.of("platform", "analyst-330600")) {
            ApiSession outsider = ApiSession.login(client, null, account, JiaoyunTestContextBuilder.DEMO_PASSWORD);
            List<HttpResponse<Map<String, Object>>> attempts = List.of(
                    outsider.upload("/api/plans/import", "isolation.txt", bytes(PLAN), Map.of("commit", "true")),
                    outsider.get("/api/plans/" + listId),
                    outsider.put("/api/items/" + itemId + "/owner", Map.of("unitId", liuyangUnit)),
                    outsider.put("/api/items/" + itemId + "/points", Map.of("points", 5)));
            for (HttpResponse<Map<String, Object>> r : attempts) {
                assertThat(r.code()).as(account + ": " + r.body()).isEqualTo(403);
                assertThat(String.valueOf(r.body())).doesNotContain("隔离大桥");
            }
        }
    }

    @Test
    void postgresRefusesAnotherBureausPlanRowsAndUnscoredListItems() {
        assertThat(tx.inBureau("zhuji", () -> StreamSupport.stream(planItems.findAll().spliterator(), false).toList()))
                .as("an unfiltered query").extracting(PlanItem::tenantId).containsOnly("zhuji");
        assertThat(tx.inBureau("zhuji", () -> planItems.findById(itemId))).isEmpty();
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> items.save(new AssessmentItem(null, "liuyang", listId, 9,
                "偷偷插入", "", BigDecimal.ONE)))).hasStackTraceContaining("row-level security");
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> planItems.save(new PlanItem(itemId, "liuyang", null, "",
                1, null, null)))).hasStackTraceContaining("row-level security");
        int changed = tx.inBureau("zhuji", () -> sql("zhuji",
                "update plan_item set owner_unit_id = " + zhujiUnit + " where item_id = " + itemId));
        assertThat(changed).isZero();

        assertThatThrownBy(() -> tx.inBureau("liuyang", () -> {
            WorkList key = lists.save(new WorkList(null, "liuyang", 2018, WorkListKind.KEY, "不计分的重点清单", null, null));
            return items.save(new AssessmentItem(null, "liuyang", key.id(), 1, "没有分值", "", null));
        })).as("a KEY item needs points").hasStackTraceContaining("points are required outside a PLAN list");
        assertThat(tx.inBureau("liuyang", () -> items.save(new AssessmentItem(null, "liuyang", listId, 99,
                "有分值的计划事项", "", BigDecimal.ONE))).points()).isEqualByComparingTo("1");
        assertThat(list(liuyang.getAny("/api/worklists?year=2018").body())).extracting(l -> l.get("title"))
                .as("the refused transaction left nothing").doesNotContain("不计分的重点清单");
    }

    private int sql(String tenant, String statement) {
        return tx.withConnection(tenant, false, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
