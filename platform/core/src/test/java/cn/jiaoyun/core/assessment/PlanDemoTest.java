package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.bureau.BureauStartup;
import cn.jiaoyun.core.demo.DemoWorkLists;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.jiaoyun.core.assessment.PlanApiTest.list;
import static cn.jiaoyun.core.assessment.PlanApiTest.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In demo mode Liuyang's 2020 plan, kept in the repository beside the bureau's definition
 * ({@code tenants/liuyang/demo/plan-2020.txt}), becomes its PLAN list of 2020, once.
 */
@JiaoyunTest
class PlanDemoTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DemoWorkLists demo;
    @Inject
    BureauStartup startup;

    @Test
    void liuyangs2020PlanIsItsPlanListWithItsFiveTasks() {
        BureauDefinitionFiles.Entry liuyang = startup.lastRead().stream()
                .filter(e -> e.valid() && e.definition().code().equals("liuyang")).findFirst().orElseThrow();
        assertThat(liuyang.demoFiles()).containsKey("plan-2020.txt");
        demo.ensure(liuyang);
        assertThat(demo.ensure(liuyang)).as("loaded once").isZero();

        ApiSession viewer = ApiSession.demo(client, "liuyang", "viewer");
        List<Map<String, Object>> plans = list(viewer.getAny("/api/worklists?year=2020").body()).stream()
                .filter(l -> "PLAN".equals(l.get("kind"))).toList();
        assertThat(plans).extracting(l -> l.get("title")).containsExactly("浏阳市交通运输局2020年工作计划");
        Map<String, Object> plan = viewer.get("/api/plans/" + plans.get(0).get("id")).body();
        assertThat(map(plan.get("list"))).containsEntry("items", 5);
        List<Map<String, Object>> items = list(plan.get("items"));
        assertThat(items).extracting(i -> i.get("numbering")).containsExactly("1.", "2.", "3.", "4.", "5.");
        assertThat(items).extracting(i -> i.get("title")).containsExactly("全力推进交通项目建设", "着力提高运输服务品质",
                "致力提升行业治理水平", "竭力守住安全发展底线", "努力加强行业党的建设");
        assertThat(items).allSatisfy(i -> assertThat(i).doesNotContainKey("points").doesNotContainKey("parentId"));
        String last = viewer.get("/api/items/" + items.get(4).get("id")).body().toString();
        assertThat(last).contains("推进行业文明建设").doesNotContain("扫一扫", "2020年3月17日", "相关文档");
    }
}
