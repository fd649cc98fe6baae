package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.plugins.rural.RuralApi.BASE;
import static cn.jiaoyun.plugins.rural.RuralApi.importCsv;
import static cn.jiaoyun.plugins.rural.RuralApi.line;
import static cn.jiaoyun.plugins.rural.RuralApi.number;
import static cn.jiaoyun.plugins.rural.RuralApi.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The module's statistics through its API, on a running server with the jar Maven built: the
 * monthly statistics import (good file, bad rows, idempotence, export and import again), year to
 * date and year on year with a missing month, the good-road rate by class, the demonstration
 * towns' steps and checklist, the facilities' counts, and Zhuji's rows out of Liuyang's reach on
 * every endpoint. Each test works in its own year so that they do not see each other's figures.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuralStatisticsIT {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    ApiSession platform;
    ApiSession zhuji;
    ApiSession liuyang;

    @BeforeAll
    void installForZhujiAndLiuyang() throws Exception {
        platform = RuralApi.install(client);
        zhuji = RuralApi.enabled(client, "zhuji");
        liuyang = RuralApi.enabled(client, "liuyang");
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/rural-roads?purge=true");
    }

    @Test
    void aGoodFileIsWrittenAndImportingItAgainChangesNothing() {
        String rows = """
                2021-01,,县道X801大中修,大中修,店口镇,2.5,300,10,1200,在建,,合成演示数据
                2021-02,,县道X801大中修,大中修,店口镇,3,350,10,1200,,,合成演示数据
                2021-01,C2,通村公路,联网公路,枫桥镇,1.2,80,,,,,合成演示数据
                """;
        Map<String, Object> first = importCsv(zhuji, rows);
        assertThat(problems(first)).isEmpty();
        assertThat(first).containsEntry("accepted", 3).containsEntry("skipped", 0);
        Map<String, Object> x801 = project(zhuji, 2021, "县道X801大中修");
        assertThat(number(x801.get("completedKm"))).isEqualByComparingTo("5.5");
        assertThat(number(x801.get("investedWanYuan"))).isEqualByComparingTo("650");
        assertThat(number(x801.get("plannedKm"))).isEqualByComparingTo("10");
        assertThat(x801).containsEntry("kind", "MAJOR_REPAIR").containsEntry("status", "UNDER_WAY").containsEntry("town", "店口镇");
        assertThat(project(zhuji, 2021, "通村公路")).containsEntry("kind", "NEW_LINK").containsEntry("code", "C2");

        Map<String, Object> again = importCsv(zhuji, rows);
        assertThat(again).containsEntry("accepted", 0).containsEntry("skipped", 3);
        Map<String, Object> corrected = importCsv(zhuji, rows.replace("2021-02,,县道X801大中修,大中修,店口镇,3,350",
                "2021-02,,县道X801大中修,大中修,店口镇,4,350"));
        assertThat(corrected).containsEntry("accepted", 1).containsEntry("skipped", 2);
        assertThat(number(project(zhuji, 2021, "县道X801大中修").get("completedKm"))).isEqualByComparingTo("6.5");
        assertThat((List<?>) zhuji.getAny(BASE + "/projects?year=2021").body()).hasSize(2);
    }

    @Test
    void badRowsWriteNothingAndEveryProblemIsNamedByRowAndColumn() {
        Map<String, Object> outcome = importCsv(zhuji, """
                2022-03,,好项目,大中修,,1,10,,,,,
                2022-13,,项目A,大中修,,1,10,,,,,
                2022-04,,项目B,修路,,1,10,,,,,
                2022-04,,项目C,大中修,,-1,abc,,,,,
                2022-05,,项目D,大中修,,1,1,,,已完工,,
                2022-03,,好项目,大中修,,2,20,,,,,
                2022-06,,,大中修,,1,1,,,,,
                """);
        assertThat(outcome).containsEntry("accepted", 0).containsEntry("skipped", 0);
        assertThat(problems(outcome)).extracting(p -> p.get("line"), p -> p.get("field")).containsExactly(
                tuple(3, "年月"),
                tuple(4, "项目类型"),
                tuple(5, "当月完成里程（公里）"),
                tuple(5, "当月完成投资（万元）"),
                tuple(6, "完工日期"),
                tuple(7, "年月"),
                tuple(8, "项目名称"));
        assertThat(problems(outcome).toString()).contains("2022-13", "修路", "不能为负数", "abc", "须填写完工日期",
                "与第 2 行是同一项目的同一月份", "不能为空");
        assertThat((List<?>) zhuji.getAny(BASE + "/projects?year=2022").body()).as("nothing half-written").isEmpty();

        Map<String, Object> noColumn = RuralApi.importFile(zhuji, "x.csv",
                "年月,项目名称,项目类型,当月完成里程\n2022-01,甲,大中修,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems(noColumn)).extracting(p -> p.get("line"), p -> p.get("field"))
                .containsExactly(tuple(1, "当月完成投资（万元）"));

        importCsv(zhuji, "2022-01,,已登记项目,大中修,,1,1,,,,,\n");
        Map<String, Object> otherKind = importCsv(zhuji, "2022-02,,已登记项目,危桥改造,,1,1,,,,,\n2022-02,,新项目,大中修,,1,1,,,,,\n");
        assertThat(problems(otherKind)).extracting(p -> p.get("line"), p -> p.get("field")).containsExactly(tuple(2, "项目类型"));
        assertThat(problems(otherKind).get(0).get("message").toString()).contains("已登记为“大中修”");
        assertThat((List<?>) zhuji.getAny(BASE + "/projects?year=2022").body()).as("the good row was not written either").hasSize(1);
    }

    @Test
    void aRegisterImportWithABadRowWritesNothingEither() {
        Map<String, Object> network = RuralApi.importFile(zhuji, "road-network", "network.csv", """
                路线编号,路线名称,行政等级,技术等级,里程（公里）
                X611,甲线,县道,三级公路,6.5
                X612,乙线,省道,三级公路,0
                X611,甲线重复,县道,三级公路,1
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(problems(network)).extracting(p -> p.get("line"), p -> p.get("field")).containsExactly(
                tuple(3, "行政等级"), tuple(3, "里程（公里）"), tuple(4, "路线编号"));
        assertThat(zhuji.getAny(BASE + "/segments").body().toString()).doesNotContain("X611");

        Map<String, Object> survey = RuralApi.importFile(zhuji, "road-survey", "survey.csv", """
                路线编号,检测日期,评定等级
                X699,2012-05-01,优
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(problems(survey)).extracting(p -> p.get("line"), p -> p.get("field")).containsExactly(tuple(2, "路线编号"));
        assertThat(problems(survey).get(0).get("message").toString()).contains("没有路线编号为 X699 的路段");
    }

    @Test
    void theExportImportsAgainUnchangedAndIntoAnotherBureauAlike() throws Exception {
        importCsv(zhuji, """
                2019-05,P1,乡道大中修,大中修,大唐街道,2,100,5,400,在建,,合成演示数据
                2019-06,P1,乡道大中修,大中修,大唐街道,3,150,5,400,已完工,2019-06-28,合成演示数据
                2019-06,,危桥改造,危桥改造,浣东街道,0,90.5,,,,,合成演示数据
                """);
        byte[] xlsx = RuralApi.export(client, zhuji, 2019);
        List<List<String>> rows = RuralApi.rows(xlsx);
        assertThat(rows.get(0)).containsExactlyElementsOf(MonthlyStatistics.COLUMNS.stream().map(Sheet.Column::header).toList());
        assertThat(rows).hasSize(4);
        List<String> june = rows.stream().filter(r -> r.get(0).equals("2019-06") && r.get(1).equals("P1")).findFirst().orElseThrow();
        assertThat(june).startsWith("2019-06", "P1", "乡道大中修", "大中修", "大唐街道", "3", "150", "5", "400", "已完工", "2019-06-28");
        List<String> may = rows.stream().filter(r -> r.get(0).equals("2019-05")).findFirst().orElseThrow();
        assertThat(may.get(9)).as("the status only on the project's latest month").isEmpty();

        Map<String, Object> same = RuralApi.importFile(zhuji, "2019.xlsx", xlsx);
        assertThat(problems(same)).isEmpty();
        assertThat(same).containsEntry("accepted", 0).containsEntry("skipped", 3);

        Map<String, Object> copied = RuralApi.importFile(liuyang, "2019.xlsx", xlsx);
        assertThat(copied).containsEntry("accepted", 3);
        for (String name : List.of("乡道大中修", "危桥改造")) {
            Map<String, Object> a = project(zhuji, 2019, name);
            Map<String, Object> b = project(liuyang, 2019, name);
            for (String field : List.of("code", "kind", "town", "status", "completedOn")) {
                assertThat(b.get(field)).as(name + " " + field).isEqualTo(a.get(field));
            }
            for (String field : List.of("plannedKm", "completedKm", "plannedWanYuan", "investedWanYuan")) {
                assertThat(String.valueOf(number(b.get(field)))).as(name + " " + field).isEqualTo(String.valueOf(number(a.get(field))));
            }
        }
    }

    @Test
    void yearToDateAndYearOnYearThroughTheApiWithAMissingMonth() {
        importCsv(zhuji, """
                2017-01,,大中修2017,大中修,,4,40,,,,,
                2017-02,,大中修2017,大中修,,4,40,,,,,
                2017-03,,大中修2017,大中修,,2,20,,,,,
                2018-01,,大中修2018,大中修,,5,50,,,,,
                2018-03,,大中修2018,大中修,,7,70,,,,,
                """);
        Map<String, Object> january = line(zhuji, 2018, 1, Indicators.KM_REPAIRED);
        assertThat(number(january.get("month"))).isEqualByComparingTo("5");
        assertThat(number(january.get("yearToDate"))).isEqualByComparingTo("5");
        assertThat(number(january.get("lastYearToDate"))).isEqualByComparingTo("4");
        assertThat(number(january.get("yoy"))).isEqualByComparingTo("25.0");
        assertThat(january).containsEntry("yoyUnit", "%");
        Map<String, Object> eliminated = line(zhuji, 2018, 1, Indicators.KM_ELIMINATED);
        assertThat(number(eliminated.get("yearToDate"))).as("a reported month without that kind is 0").isEqualByComparingTo("0");
        assertThat(eliminated.get("yoy")).isNull();
        assertThat(eliminated.get("flags").toString()).contains("LAST_YEAR_ZERO");

        Map<String, Object> march = line(zhuji, 2018, 3, Indicators.KM_REPAIRED);
        assertThat(number(march.get("month"))).isEqualByComparingTo("7");
        assertThat(march.get("yearToDate")).as("February unknown, not zero").isNull();
        assertThat(march.get("missingMonths").toString()).isEqualTo("[2]");
        assertThat(march.get("flags").toString()).contains("MONTHS_MISSING");
        assertThat(number(march.get("lastYearToDate"))).isEqualByComparingTo("10");
        assertThat(march.get("yoy")).isNull();
        assertThat(published("rural.km_repaired", "2018-02-01")).as("nothing published for an unreported month").isNull();

        long id = ((Number) project(zhuji, 2018, "大中修2018").get("id")).longValue();
        assertThat(zhuji.put(BASE + "/projects/" + id + "/months/2018-02", Map.of("km", 0, "wanYuan", 0)).code()).isEqualTo(200);
        Map<String, Object> reported = line(zhuji, 2018, 3, Indicators.KM_REPAIRED);
        assertThat(number(reported.get("yearToDate"))).isEqualByComparingTo("12");
        assertThat(number(reported.get("yoy"))).isEqualByComparingTo("20.0");
        assertThat(published("rural.km_repaired", "2018-02-01")).isEqualByComparingTo("0");
        assertThat(published("rural.km_repaired", "2018-03-01")).isEqualByComparingTo("7");

        // the cumulative form: 20 km so far, reported for April, is April's 8 km
        var progress = zhuji.put(BASE + "/projects/" + id + "/progress", Map.of("completedKm", 20, "month", "2018-04"));
        assertThat(progress.code()).as("%s", progress.body()).isEqualTo(200);
        assertThat(number(progress.body().get("completedKm"))).isEqualByComparingTo("20");
        assertThat(zhuji.getAny(BASE + "/projects/" + id + "/months").body().toString()).contains("2018-04", "km=8");
        var less = zhuji.put(BASE + "/projects/" + id + "/progress", Map.of("completedKm", 5, "month", "2018-05"));
        assertThat(less.code()).isEqualTo(400);
        assertThat(less.body().toString()).contains("completedKm");
    }

    @Test
    void theGoodRoadRateIsByClassFromEachSegmentsLatestInspection() {
        segment(zhuji, "X901", "COUNTY", 10);
        segment(zhuji, "Y901", "TOWNSHIP", 4);
        segment(zhuji, "C901", "VILLAGE", 1.5);
        segment(zhuji, "C902", "VILLAGE", 0.5);
        inspect(zhuji, "X901", "2016-03-10", "中");
        inspect(zhuji, "X901", "2016-09-10", "EXCELLENT");
        inspect(zhuji, "Y901", "2016-05-01", "次");
        inspect(zhuji, "C901", "2016-05-02", "良");
        inspect(zhuji, "C902", "2016-05-03", "差");
        var bad = zhuji.post(BASE + "/inspections", Map.of("routeCode", "X901", "inspectedOn", "2016-10-01", "rating", "很好"));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("rating");
        assertThat(zhuji.post(BASE + "/inspections", Map.of("routeCode", "Z000", "inspectedOn", "2016-10-01", "rating", "优"))
                .code()).isEqualTo(400);

        Map<String, Object> rates = zhuji.get(BASE + "/good-road-rate?from=2016-01-01&to=2016-12-31").body();
        assertThat(number(((Map<?, ?>) rates.get("COUNTY")).get("percent"))).isEqualByComparingTo("100.0");
        assertThat(number(((Map<?, ?>) rates.get("TOWNSHIP")).get("percent"))).isEqualByComparingTo("0.0");
        assertThat(number(((Map<?, ?>) rates.get("VILLAGE")).get("percent"))).isEqualByComparingTo("75.0");
        assertThat(number(((Map<?, ?>) rates.get("ALL")).get("percent"))).as("11.5 / 16 km").isEqualByComparingTo("71.9");
        Map<?, ?> firstHalf = (Map<?, ?>) zhuji.get(BASE + "/good-road-rate?from=2016-01-01&to=2016-06-30").body().get("COUNTY");
        assertThat(number(firstHalf.get("percent"))).as("rated 中 in March").isEqualByComparingTo("0.0");

        Map<String, Object> county = line(zhuji, 2016, 9, Indicators.GOOD_COUNTY);
        assertThat(number(county.get("month"))).isEqualByComparingTo("100.0");
        Map<String, Object> all = line(zhuji, 2016, 9, Indicators.GOOD_ROAD_RATE);
        assertThat(number(all.get("yearToDate"))).isEqualByComparingTo("71.9");
        assertThat(all).containsEntry("yoyUnit", "个百分点");
        assertThat(all.get("flags").toString()).contains("LAST_YEAR_NO_INSPECTION");
        assertThat(line(zhuji, 2016, 8, Indicators.GOOD_ROAD_RATE).get("month")).as("no inspection in August").isNull();
    }

    @Test
    void aTownMovesForwardThroughItsStepsWithItsChecklist() {
        var created = zhuji.post(BASE + "/towns", Map.of("town", "大唐街道", "year", 2015,
                "criteria", List.of("县乡道优良路率达到80%以上", "建制村通双车道")));
        assertThat(created.code()).as("%s", created.body()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        assertThat(zhuji.post(BASE + "/towns", Map.of("town", "大唐街道", "year", 2015)).code()).isEqualTo(409);
        Map<String, Object> town = zhuji.get(BASE + "/towns/" + id).body();
        assertThat(town).containsEntry("status", "PLANNED");
        List<?> criteria = (List<?>) town.get("criteria");
        assertThat(criteria).hasSize(2);
        long first = ((Number) ((Map<?, ?>) criteria.get(0)).get("id")).longValue();
        var checked = zhuji.put(BASE + "/towns/" + id + "/criteria/" + first, Map.of("met", true, "evidence", "2015年路况检测报告"));
        assertThat(checked.code()).as("%s", checked.body()).isEqualTo(200);
        assertThat(checked.body()).containsEntry("met", true).containsEntry("evidence", "2015年路况检测报告")
                .containsEntry("checkedBy", "诸暨局系统管理员");
        assertThat(checked.body().get("checkedAt")).isNotNull();
        assertThat(zhuji.post(BASE + "/towns/" + id + "/criteria", Map.of("criterion", "农村物流服务点覆盖")).code()).isEqualTo(201);

        assertThat(zhuji.put(BASE + "/towns/" + id + "/status", Map.of("status", "县级验收", "on", "2015-06-01")).code()).isEqualTo(200);
        assertThat(zhuji.put(BASE + "/towns/" + id + "/status", Map.of("status", "DECLARED", "on", "2015-05-01")).code())
                .as("a date before the last step").isEqualTo(400);
        assertThat(zhuji.put(BASE + "/towns/" + id + "/status", Map.of("status", "DECLARED", "on", "2015-07-01")).code()).isEqualTo(200);
        assertThat(zhuji.put(BASE + "/towns/" + id + "/status", Map.of("status", "NAMED", "on", "2015-11-20")).code()).isEqualTo(200);
        var back = zhuji.put(BASE + "/towns/" + id + "/status", Map.of("status", "PLANNED", "on", "2015-12-01"));
        assertThat(back.code()).isEqualTo(409);
        town = zhuji.get(BASE + "/towns/" + id).body();
        assertThat(town).containsEntry("status", "NAMED").containsEntry("namedOn", "2015-11-20");
        assertThat(((List<?>) town.get("criteria"))).hasSize(3);

        assertThat(number(line(zhuji, 2015, 11, Indicators.DEMO_TOWNS).get("month"))).isEqualByComparingTo("1");
        assertThat(number(line(zhuji, 2015, 10, Indicators.DEMO_TOWNS).get("month"))).as("registers: a known 0").isEqualByComparingTo("0");
        assertThat(number(line(zhuji, 2015, 12, Indicators.DEMO_TOWNS).get("yearToDate"))).isEqualByComparingTo("1");
        assertThat(published("rural.demo_towns", "2015-11-01")).isEqualByComparingTo("1");
        assertThat(zhuji.getAny(BASE + "/towns?year=2015").body().toString()).contains("大唐街道");
    }

    @Test
    void baysStopsAndLogisticsPointsCountInTheMonthTheyWereBuiltOrOpened() {
        assertThat(zhuji.post(BASE + "/bay-stops", Map.of("town", "东和乡", "routeCode", "X905", "location", "K3+200 东和村",
                "builtOn", "2014-05-10")).code()).isEqualTo(201);
        assertThat(zhuji.post(BASE + "/bay-stops", Map.of("routeCode", "X905", "location", "K3+200 东和村", "builtOn", "2014-05-10"))
                .code()).isEqualTo(409);
        assertThat(zhuji.post(BASE + "/logistics-points", Map.of("name", "东和乡物流服务站", "town", "东和乡", "level", "乡镇服务站",
                "openedOn", "2014-05-01")).code()).isEqualTo(201);
        assertThat(zhuji.post(BASE + "/logistics-points", Map.of("name", "十里坪村服务点", "town", "东和乡", "village", "十里坪村",
                "level", "VILLAGE_POINT", "openedOn", "2014-06-01")).code()).isEqualTo(201);
        var badLevel = zhuji.post(BASE + "/logistics-points", Map.of("name", "某点", "level", "省级", "openedOn", "2014-06-01"));
        assertThat(badLevel.code()).isEqualTo(400);
        assertThat(badLevel.body().toString()).contains("level");

        assertThat(number(line(zhuji, 2014, 6, Indicators.BAY_STOPS).get("yearToDate"))).isEqualByComparingTo("1");
        assertThat(number(line(zhuji, 2014, 6, Indicators.BAY_STOPS).get("month"))).isEqualByComparingTo("0");
        assertThat(number(line(zhuji, 2014, 6, Indicators.LOGISTICS_POINTS).get("month"))).isEqualByComparingTo("1");
        assertThat(number(line(zhuji, 2014, 6, Indicators.LOGISTICS_POINTS).get("yearToDate"))).isEqualByComparingTo("2");
        assertThat(zhuji.getAny(BASE + "/logistics-points").body().toString()).contains("十里坪村服务点", "VILLAGE_POINT");
    }

    @Test
    void liuyangCannotReadOrChangeZhujisRowsThroughAnyEndpoint() throws Exception {
        importCsv(zhuji, "2013-04,,诸暨隔离项目,大中修,店口镇,3,30,,,,,\n");
        long project = ((Number) project(zhuji, 2013, "诸暨隔离项目").get("id")).longValue();
        long town = ((Number) zhuji.post(BASE + "/towns", Map.of("town", "店口镇", "year", 2013, "criteria", List.of("标准甲")))
                .body().get("id")).longValue();
        long criterion = ((Number) ((Map<?, ?>) ((List<?>) zhuji.get(BASE + "/towns/" + town).body().get("criteria")).get(0))
                .get("id")).longValue();
        segment(zhuji, "X713", "COUNTY", 7);
        inspect(zhuji, "X713", "2013-04-02", "优");
        zhuji.post(BASE + "/bay-stops", Map.of("routeCode", "X713", "location", "诸暨隔离站", "builtOn", "2013-04-03"));
        zhuji.post(BASE + "/logistics-points", Map.of("name", "诸暨隔离服务点", "level", "县级中心", "openedOn", "2013-04-04"));
        List<?> points = (List<?>) zhuji.getAny(BASE + "/logistics-points").body();
        long point = points.stream().map(p -> (Map<?, ?>) p).filter(p -> "诸暨隔离服务点".equals(p.get("name")))
                .map(p -> ((Number) p.get("id")).longValue()).findFirst().orElseThrow();

        assertThat(liuyang.get(BASE + "/projects/" + project).code()).isEqualTo(404);
        assertThat(liuyang.getAny(BASE + "/projects/" + project + "/months").code()).isEqualTo(404);
        assertThat(liuyang.put(BASE + "/projects/" + project + "/progress", Map.of("completedKm", 99, "month", "2013-05")).code()).isEqualTo(404);
        assertThat(liuyang.put(BASE + "/projects/" + project + "/months/2013-05", Map.of("km", 9, "wanYuan", 9)).code()).isEqualTo(404);
        assertThat(liuyang.delete(BASE + "/projects/" + project + "/months/2013-04").code()).isEqualTo(404);
        assertThat((List<?>) liuyang.getAny(BASE + "/projects?year=2013").body()).isEmpty();
        assertThat((List<?>) liuyang.getAny(BASE + "/project-kinds?year=2013").body()).isEmpty();
        assertThat(liuyang.get(BASE + "/towns/" + town).code()).isEqualTo(404);
        assertThat(liuyang.put(BASE + "/towns/" + town + "/status", Map.of("status", "NAMED", "on", "2013-12-01")).code()).isEqualTo(404);
        assertThat(liuyang.post(BASE + "/towns/" + town + "/criteria", Map.of("criterion", "乙")).code()).isEqualTo(404);
        assertThat(liuyang.put(BASE + "/towns/" + town + "/criteria/" + criterion, Map.of("met", false)).code()).isEqualTo(404);
        assertThat(liuyang.getAny(BASE + "/towns").body().toString()).doesNotContain("店口镇");
        assertThat(liuyang.getAny(BASE + "/segments").body().toString()).doesNotContain("X713");
        assertThat(liuyang.post(BASE + "/inspections", Map.of("routeCode", "X713", "inspectedOn", "2013-05-01", "rating", "差"))
                .code()).as("Zhuji's segment is unknown to Liuyang").isEqualTo(400);
        assertThat((List<?>) liuyang.getAny(BASE + "/inspections?from=2013-01-01&to=2013-12-31").body()).isEmpty();
        assertThat(number(((Map<?, ?>) liuyang.get(BASE + "/good-road-rate?from=2013-01-01&to=2013-12-31").body().get("ALL"))
                .get("inspectedKm"))).isEqualByComparingTo("0");
        assertThat(liuyang.getAny(BASE + "/bay-stops").body().toString()).doesNotContain("诸暨隔离站");
        assertThat(liuyang.getAny(BASE + "/logistics-points").body().toString()).doesNotContain("诸暨隔离服务点");
        assertThat(liuyang.put(BASE + "/logistics-points/" + point + "/closed", Map.of("closedOn", "2013-12-01")).code()).isEqualTo(404);
        assertThat(line(liuyang, 2013, 4, Indicators.KM_REPAIRED).get("month")).isNull();
        assertThat(number(line(liuyang, 2013, 4, Indicators.BAY_STOPS).get("month"))).isEqualByComparingTo("0");
        assertThat(RuralApi.rows(RuralApi.export(client, liuyang, 2013))).as("header only").hasSize(1);
        // the same project name in Liuyang's own file is Liuyang's own project
        assertThat(importCsv(liuyang, "2013-04,,诸暨隔离项目,大中修,店口镇,50,500,,,,,\n")).containsEntry("accepted", 1);

        Map<String, Object> mine = project(zhuji, 2013, "诸暨隔离项目");
        assertThat(number(mine.get("completedKm"))).isEqualByComparingTo("3");
        assertThat(zhuji.get(BASE + "/towns/" + town).body()).containsEntry("status", "PLANNED");
        assertThat(zhuji.getAny(BASE + "/projects/" + project + "/months").body().toString()).contains("2013-04").doesNotContain("2013-05");
        assertThat(number(line(zhuji, 2013, 4, Indicators.KM_REPAIRED).get("month"))).isEqualByComparingTo("3");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> project(ApiSession session, int year, String name) {
        List<?> list = (List<?>) session.getAny(BASE + "/projects?year=" + year).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) list.stream().filter(x -> name.equals(((Map<?, ?>) x).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no project " + name + " in " + list));
        return p;
    }

    private static void segment(ApiSession session, String route, String adminClass, double km) {
        var r = session.post(BASE + "/segments", Map.of("routeCode", route, "name", route + "线", "adminClass", adminClass,
                "technicalGrade", "GRADE_4", "lengthKm", km));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(201);
    }

    private static void inspect(ApiSession session, String route, String date, String rating) {
        var r = session.post(BASE + "/inspections", Map.of("routeCode", route, "inspectedOn", date, "rating", rating));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(201);
    }

    /** The value Zhuji's indicator has in the core catalog for a month, or null. */
    private BigDecimal published(String code, String month) {
        return tx.withConnection("zhuji", true, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select value from indicator_value where indicator_code = ? and month = ?::date")) {
                ps.setString(1, code);
                ps.setString(2, month);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
