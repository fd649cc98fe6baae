package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.tenancy.TenantTransactions;
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

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key projects through the API of Zhuji: who may do what, fields refused in the caller's language,
 * the year's roll-up, and the bureau's invest.key_projects following every monthly write. Each test
 * works on years of its own so that their roll-ups do not meet.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyProjectApiTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    ApiSession admin;
    ApiSession supervisor;
    ApiSession reporter;
    ApiSession viewer;

    @BeforeAll
    void login() {
        admin = ApiSession.demo(client, "zhuji", "admin");
        supervisor = ApiSession.demo(client, "zhuji", "supervisor");
        reporter = ApiSession.demo(client, "zhuji", "reporter");
        viewer = ApiSession.demo(client, "zhuji", "viewer");
    }

    @Test
    void managersKeepProjectsReportersEnterMonthsViewersRead() {
        HttpResponse<Map<String, Object>> created = admin.post("/api/key-projects",
                project("T-2010-1", "店口湄池大桥", "公路", 2010, 2011));
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).containsEntry("category", "HIGHWAY").containsEntry("tenantId", "zhuji");
        long id = ((Number) created.body().get("id")).longValue();
        String path = "/api/key-projects/" + id;

        assertThat(admin.put(path + "/plans/2010", Map.of("planned", 1200)).code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> month = reporter.put(path + "/months/2010-01",
                Map.of("actual", 100, "progress", 5, "note", "桩基施工"));
        assertThat(month.code()).isEqualTo(200);
        List<Map<String, Object>> months = list(month.body().get("months"));
        assertThat(months).hasSize(12);
        assertThat(months.get(0)).containsEntry("month", "2010-01").containsEntry("note", "桩基施工");
        assertThat(new BigDecimal(months.get(0).get("actual").toString())).isEqualByComparingTo("100");
        assertThat(months.get(1)).as("February not reported: unknown").doesNotContainKey("actual");

        assertThat(reporter.post("/api/key-projects", project("T-2010-2", "偷建", "公路", 2010, 2010)).code()).isEqualTo(403);
        assertThat(reporter.put(path + "/plans/2010", Map.of("planned", 1)).code()).isEqualTo(403);
        assertThat(viewer.put(path + "/months/2010-02", Map.of("actual", 1)).code()).isEqualTo(403);
        assertThat(viewer.get("/api/key-projects?year=2010").code()).isEqualTo(200);

        Map<String, Object> renamed = project("T-2010-1", "店口湄池大桥（主桥）", "HIGHWAY", 2010, 2011);
        renamed.put("level", "市重点");
        HttpResponse<Map<String, Object>> updated = supervisor.put(path, renamed);
        assertThat(updated.code()).isEqualTo(200);
        assertThat(updated.body()).containsEntry("name", "店口湄池大桥（主桥）").containsEntry("level", "MUNICIPAL");

        HttpResponse<Map<String, Object>> ms = supervisor.put(path + "/milestones", List.of(
                Map.of("kind", "START", "plannedOn", "2010-03-31", "actualOn", "2010-04-02"),
                Map.of("kind", "开工", "plannedOn", "2010-03-31", "actualOn", "2010-04-03"),
                Map.of("kind", "OPEN", "plannedOn", "2011-12-31")));
        assertThat(ms.code()).isEqualTo(200);
        assertThat(list(ms.body().get("milestones"))).extracting(m -> m.get("kind"))
                .containsExactly("FEASIBILITY", "PRELIMINARY_DESIGN", "LAND_PREAPPROVAL", "START", "OPEN");
        assertThat(list(ms.body().get("milestones")).get(3)).containsEntry("actualOn", "2010-04-03");

        HttpResponse<Map<String, Object>> issue = admin.post(path + "/issues", Map.of("kind", "RESETTLEMENT",
                "description", "桥头房屋征迁", "foundOn", "2010-02-01"));
        assertThat(issue.code()).isEqualTo(201);
        Object issueId = list(issue.body().get("issues")).get(0).get("id");
        assertThat(admin.put(path + "/issues/" + issueId, Map.of("kind", "RESETTLEMENT", "description", "桥头房屋征迁",
                "foundOn", "2010-02-01", "resolvedOn", "2010-03-15", "resolution", "签约完成")).code()).isEqualTo(200);

        Map<String, Object> row = list(viewer.getAny("/api/key-projects?year=2010&through=3").body()).get(0);
        Map<String, Object> figures = map(row.get("figures"));
        assertThat(new BigDecimal(figures.get("completionPercent").toString())).isEqualByComparingTo("8.3");
        assertThat(figures).containsEntry("openIssues", 0).containsEntry("lastReported", "2010-01")
                .containsEntry("reportedInMonth", false);
        assertThat(map(figures.get("nextMilestone"))).as("started in April: late at the end of March")
                .containsEntry("kind", "START").containsEntry("late", true);

        String audit = admin.getAny("/api/audit?limit=50").body().toString();
        assertThat(audit).contains("KEY_PROJECT_CREATED", "KEY_PROJECT_UPDATED", "KEY_PROJECT_PLAN_SET",
                "KEY_PROJECT_MONTH_REPORTED", "KEY_PROJECT_MILESTONES_SET", "KEY_PROJECT_ISSUE_RECORDED",
                "KEY_PROJECT_ISSUE_UPDATED", "— → 100 万元");

        assertThat(admin.delete(path).code()).isEqualTo(204);
        assertThat(viewer.get(path).code()).isEqualTo(404);
    }

    @Test
    void wrongFieldsAreNamedInTheCallersLanguage() {
        long id = create(project("T-2020-1", "店口港", "WATERWAY", 2020, 2020));
        String path = "/api/key-projects/" + id;

        assertError(admin.put(path + "/months/2020-05", Map.of("actual", -5)), "actual", "金额不能为负数");
        assertError(english(HttpRequest.PUT(path + "/months/2020-05", Map.of("actual", -5))), "actual",
                "The amount must not be negative");
        assertError(admin.put(path + "/months/2020-05", Map.of("actual", 5, "progress", 100.5)), "progress",
                "形象进度须在 0–100% 之间");
        String next = YearMonth.now(KeyProjects.CHINA).plusMonths(1).toString();
        assertError(reporter.put(path + "/months/" + next, Map.of("actual", 5)), "month", "不能填报尚未到来的月份（" + next + "）");
        assertError(english(HttpRequest.PUT(path + "/months/" + next, Map.of("actual", 5))), "month",
                "Figures cannot be entered for a month still to come (" + next + ")");
        assertError(admin.put(path + "/months/2020-13", Map.of("actual", 5)), "month", "月份格式须为 2020-06");
        assertError(admin.put(path + "/months/2020-05", Map.of("progress", 5)), "actual", "必填");
        assertError(admin.put(path + "/plans/2020", Map.of("planned", -1)), "planned", "金额不能为负数");

        assertError(admin.post("/api/key-projects", project("T-2020-2", "某项目", "铁路", 2020, 2021)), "category",
                "未知项目类别“铁路”");
        assertError(english(HttpRequest.POST("/api/key-projects", project("T-2020-2", "X", "RAILWAY", 2020, 2021))),
                "category", "Unknown project category \"RAILWAY\"");
        assertError(admin.post("/api/key-projects", project("T-2020-2", "某项目", "公路", 2021, 2020)), "finishYear",
                "计划完工年份不能早于开工年份");
        assertError(admin.post("/api/key-projects", project("T-2020-1", "重名", "公路", 2020, 2020)), "code", "已存在");
        Map<String, Object> negative = project("T-2020-3", "某项目", "公路", 2020, 2020);
        negative.put("totalInvestment", -100);
        assertError(admin.post("/api/key-projects", negative), "totalInvestment", "金额不能为负数");

        assertError(admin.put(path + "/milestones", List.of(Map.of("kind", "GROUNDBREAKING"))), "milestones[0].kind",
                "未知节点“GROUNDBREAKING”");
        assertError(admin.put(path + "/milestones", List.of(Map.of("kind", "OPEN", "plannedOn", "2020/12/31"))),
                "milestones[0].plannedOn", "日期格式须为 2023-06-30");
        assertError(admin.post(path + "/issues", Map.of("kind", "LAND", "description", "用地指标", "foundOn", "2020-05-01",
                "resolvedOn", "2020-04-01")), "resolvedOn", "解决日期不能早于发现日期");
        assertError(admin.get("/api/key-projects/summary?year=2020&through=13"), "through", "月份须在 1–12 之间");

        assertThat(admin.get(path + "?year=2020").body().get("months").toString()).doesNotContain("actual");
    }

    @Test
    void everyMonthlyWriteSetsTheBureausKeyProjectInvestmentForThatMonth() {
        long a = create(project("T-2012-1", "虎山隧道", "公路", 2012, 2012));
        long b = create(project("T-2012-2", "店口港", "水运", 2012, 2012));
        YearMonth march = YearMonth.of(2012, 3);
        assertThat(indicator(march)).isNull();

        reporter.put("/api/key-projects/" + a + "/months/2012-03", Map.of("actual", 100));
        assertThat(indicator(march)).isEqualByComparingTo("100");
        reporter.put("/api/key-projects/" + b + "/months/2012-03", Map.of("actual", 250.5, "progress", 40));
        assertThat(indicator(march)).isEqualByComparingTo("350.5");
        reporter.put("/api/key-projects/" + a + "/months/2012-03", Map.of("actual", 120));
        assertThat(indicator(march)).isEqualByComparingTo("370.5");
        reporter.put("/api/key-projects/" + a + "/months/2012-04", Map.of("actual", 0));
        assertThat(indicator(YearMonth.of(2012, 4))).as("a reported zero is a value").isEqualByComparingTo("0");

        assertThat(reporter.delete("/api/key-projects/" + b + "/months/2012-03").code()).isEqualTo(200);
        assertThat(indicator(march)).isEqualByComparingTo("120");
        assertThat(reporter.delete("/api/key-projects/" + a + "/months/2012-03").code()).isEqualTo(200);
        assertThat(indicator(march)).as("no project has a figure for March any more: unknown").isNull();
        assertThat(count("select count(*) from indicator_value where indicator_code = 'invest.key_projects' and month = date '2012-03-01'"))
                .isZero();

        reporter.put("/api/key-projects/" + b + "/months/2012-05", Map.of("actual", 80));
        assertThat(count("select count(*) from indicator_value where indicator_code = 'invest.key_projects' "
                + "and month = date '2012-05-01' and source = 'key-projects'")).isEqualTo(1);
        assertThat(admin.delete("/api/key-projects/" + b).code()).isEqualTo(204);
        assertThat(indicator(YearMonth.of(2012, 5))).as("the deleted project's months are summed again").isNull();
        assertThat(indicator(YearMonth.of(2012, 4))).isEqualByComparingTo("0");
    }

    @Test
    void reportsOfOneMonthArrivingTogetherAreAllCountedAndNeverCollide() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(create(project("T-2011-" + i, "并发项目" + i, "公路", 2011, 2011)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 1; round <= 6; round++) {
                String month = String.format("2011-%02d", round);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
                for (long id : ids) {
                    // two writers per project-month: the first report of a month must not collide with itself
                    for (int twice = 0; twice < 2; twice++) {
                        calls.add(pool.submit(() -> {
                            start.await();
                            return reporter.put("/api/key-projects/" + id + "/months/" + month, Map.of("actual", 10)).code();
                        }));
                    }
                }
                start.countDown();
                for (var call : calls) {
                    assertThat(call.get()).isEqualTo(200);
                }
                assertThat(indicator(YearMonth.parse(month))).as("every project's report of " + month)
                        .isEqualByComparingTo("40");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSummaryRollsUpTheYearThroughAMonth() {
        long road = create(project("T-2015-1", "浣东互通改扩建", "公路", 2014, 2015));
        long port = create(project("T-2015-2", "店口港", "水运", 2015, 2016));
        create(project("T-2015-3", "绍大线", "公路", 2015, 2017));
        admin.put("/api/key-projects/" + road + "/plans/2015", Map.of("planned", 400000));
        admin.put("/api/key-projects/" + port + "/plans/2015", Map.of("planned", 215000));
        reporter.put("/api/key-projects/" + road + "/months/2014-01", Map.of("actual", 100000));
        reporter.put("/api/key-projects/" + road + "/months/2014-02", Map.of("actual", 100000));
        reporter.put("/api/key-projects/" + road + "/months/2015-01", Map.of("actual", 150000));
        reporter.put("/api/key-projects/" + road + "/months/2015-02", Map.of("actual", 150000));
        reporter.put("/api/key-projects/" + port + "/months/2015-01", Map.of("actual", 337000));

        Map<String, Object> summary = viewer.get("/api/key-projects/summary?year=2015&through=2").body();
        Map<String, Object> total = map(map(summary.get("rollup")).get("total"));
        assertThat(total).containsEntry("projects", 3).containsEntry("withPlan", 2).containsEntry("reportedInMonth", 1)
                .containsEntry("missingMonths", 3);
        assertThat(new BigDecimal(total.get("annualPlan").toString())).isEqualByComparingTo("615000");
        assertThat(new BigDecimal(total.get("actualYtd").toString())).isEqualByComparingTo("637000");
        assertThat(new BigDecimal(total.get("completionPercent").toString())).isEqualByComparingTo("103.6");
        assertThat(new BigDecimal(total.get("lastYearYtd").toString())).isEqualByComparingTo("200000");
        assertThat(new BigDecimal(total.get("yoyPercent").toString())).isEqualByComparingTo("218.5");
        assertThat(summary.get("sentence")).isEqualTo("2015年1—2月，重点项目共3只，年度计划投资61.5亿元，累计完成投资63.7亿元，"
                + "完成年度计划103.6%。同比增长218.5%（上年同期20亿元）。2月已有1/3只项目填报。");
        assertThat(summary).containsEntry("annualPlanText", "61.5亿元").containsEntry("actualYtdText", "63.7亿元");
        assertThat(list(map(summary.get("rollup")).get("byCategory"))).extracting(c -> c.get("category"))
                .containsExactly("HIGHWAY", "WATERWAY");

        HttpResponse<Map<String, Object>> en = english(HttpRequest.GET("/api/key-projects/summary?year=2015&through=2"));
        assertThat(en.body().get("sentence").toString()).startsWith("Jan–Feb 2015: 3 key projects, annual plan CNY 6.15 bn");

        Map<String, Object> empty = viewer.get("/api/key-projects/summary?year=2016&through=1").body();
        Map<String, Object> nothing = map(map(empty.get("rollup")).get("total"));
        assertThat(nothing).containsEntry("projects", 2).doesNotContainKey("actualYtd").doesNotContainKey("annualPlan");
        assertThat(empty.get("sentence").toString()).contains("累计完成投资未知");
    }

    // ---- helpers ----

    private long create(Map<String, Object> body) {
        HttpResponse<Map<String, Object>> r = admin.post("/api/key-projects", body);
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    static Map<String, Object> project(String code, String name, String category, int start, int finish) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("category", category);
        m.put("ownerUnit", "市交通工程管理中心");
        m.put("totalInvestment", 50000);
        m.put("startYear", start);
        m.put("finishYear", finish);
        return m;
    }

    private HttpResponse<Map<String, Object>> english(io.micronaut.http.MutableHttpRequest<?> request) {
        return ApiSession.send(client.toBlocking(), request.bearerAuth(admin.token()).header("Accept-Language", "en"));
    }

    private static void assertError(HttpResponse<Map<String, Object>> r, String field, String message) {
        assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(400);
        List<Map<String, Object>> errors = list(r.body().get("errors"));
        assertThat(errors).as(String.valueOf(r.body()))
                .anySatisfy(e -> {
                    assertThat(e.get("field")).isEqualTo(field);
                    assertThat(e.get("message").toString()).contains(message);
                });
    }

    private BigDecimal indicator(YearMonth month) {
        return tx.withConnection("zhuji", true, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select value from indicator_value where indicator_code = ? and month = ?")) {
                ps.setString(1, KeyProjects.INDICATOR);
                ps.setDate(2, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String sql) {
        return tx.withConnection("zhuji", true, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
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
