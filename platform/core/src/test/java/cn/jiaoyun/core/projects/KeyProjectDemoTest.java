package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.bureau.BureauStartup;
import cn.jiaoyun.core.indicators.IndicatorCatalog;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.core.projects.KeyProjectApiTest.list;
import static cn.jiaoyun.core.projects.KeyProjectApiTest.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zhuji's demo key projects reproduce the figures of its 2023 summary: 13 projects, 61.5亿元
 * planned, about 63.7亿元 completed, 103.6% of the annual plan; the synthetic splits say so.
 */
@JiaoyunTest
class KeyProjectDemoTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DemoKeyProjects demo;
    @Inject
    BureauStartup startup;
    @Inject
    IndicatorCatalog catalog;

    @Test
    void zhujis2023RollUpReproducesItsSummary() {
        BureauDefinitionFiles.Entry zhuji = startup.lastRead().stream()
                .filter(e -> e.valid() && e.definition().code().equals("zhuji")).findFirst().orElseThrow();
        assertThat(demo.ensure(zhuji)).isEqualTo(13);
        assertThat(demo.ensure(zhuji)).as("loaded once").isZero();

        ApiSession viewer = ApiSession.demo(client, "zhuji", "viewer");
        Map<String, Object> summary = viewer.get("/api/key-projects/summary?year=2023&through=12").body();
        Map<String, Object> total = map(map(summary.get("rollup")).get("total"));
        assertThat(total).containsEntry("projects", 13).containsEntry("reportedInMonth", 13).containsEntry("missingMonths", 0);
        assertThat(new BigDecimal(total.get("annualPlan").toString())).isEqualByComparingTo("615000");
        assertThat(new BigDecimal(total.get("actualYtd").toString())).isEqualByComparingTo("637000");
        assertThat(new BigDecimal(total.get("completionPercent").toString())).isEqualByComparingTo("103.6");
        assertThat(summary.get("sentence").toString()).startsWith(
                "2023年1—12月，重点项目共13只，年度计划投资61.5亿元，累计完成投资63.7亿元，完成年度计划103.6%。");

        List<Map<String, Object>> rows = list(viewer.getAny("/api/key-projects?year=2023&through=12").body());
        assertThat(rows).extracting(r -> map(r.get("project")).get("name").toString())
                .contains("浣东互通改扩建", "店口湄池大桥", "店口港", "柯诸高速诸暨段", "G235诸暨段改建工程");
        assertThat(rows).allSatisfy(r -> assertThat(map(r.get("project"))).containsEntry("source", "诸暨市交通运输局2023年工作总结"));

        Object port = rows.stream().filter(r -> map(r.get("project")).get("name").equals("店口港")).findFirst()
                .map(r -> map(r.get("project")).get("id")).orElseThrow();
        Map<String, Object> detail = viewer.get("/api/key-projects/" + port + "?year=2023").body();
        assertThat(detail).containsEntry("planSource", "合成演示数据");
        assertThat(list(detail.get("months"))).allSatisfy(m -> assertThat(m).containsEntry("source", "合成演示数据"));
        assertThat(list(detail.get("milestones")).get(4)).containsEntry("actualOn", "2023-09-26");

        BigDecimal fed = catalog.yearToDate("zhuji", catalog.find(KeyProjects.INDICATOR).orElseThrow(), YearMonth.of(2023, 12));
        assertThat(fed).as("invest.key_projects of 2023").isEqualByComparingTo("637000");
    }
}
