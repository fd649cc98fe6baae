package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.jiaoyun.plugins.rural.RuralApi.line;
import static cn.jiaoyun.plugins.rural.RuralApi.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo file under {@code tenants/<bureau>/demo/rural-roads/} imports through the importer its
 * name starts with, as the host's demo loading does (sorted by name, as the bureau's
 * administrator), with no problem; the totals are those the seeds give; importing them again
 * changes nothing.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuralDemoDataIT {

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession platform;
    final Map<String, ApiSession> admins = new HashMap<>();
    final Map<Path, Map<String, Object>> outcomes = new HashMap<>();
    static final List<String> BUREAUS = List.of("liuyang", "shaoxing", "zhuji");

    @BeforeAll
    void importEveryDemoFile() throws IOException {
        platform = RuralApi.install(client);
        for (String bureau : BUREAUS) {
            ApiSession admin = RuralApi.enabled(client, bureau);
            admins.put(bureau, admin);
            for (Path file : RuralApi.demoFiles(bureau)) {
                outcomes.put(file, RuralApi.importDemo(admin, file));
            }
        }
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/rural-roads?purge=true");
    }

    @Test
    void everyDemoFileImportsWithoutProblemsAndEveryRowSaysWhereItComesFrom() throws IOException {
        assertThat(outcomes).as("demo files of the three bureaus").hasSize(9);
        outcomes.forEach((file, outcome) -> {
            assertThat(RuralApi.problems(outcome)).as(file.toString()).isEmpty();
            assertThat(number(outcome.get("accepted")).longValue()).as(file.toString()).isPositive();
        });
        for (Path file : outcomes.keySet()) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line).as(file + ": every row names its source")
                        .containsAnyOf("工作总结", "工作清单", "工作计划", "合成演示数据");
            }
        }
    }

    @Test
    void zhujis2023TotalsAreTheSummarys() {
        ApiSession zhuji = admins.get("zhuji");
        Map<String, Object> repaired = line(zhuji, 2023, 12, Indicators.KM_REPAIRED);
        assertThat(number(repaired.get("yearToDate"))).as("省级民生实事 农村公路大中修107公里").isEqualByComparingTo("107");
        assertThat(repaired.get("flags").toString()).as("only 2022 is unknown").isEqualTo("[LAST_YEAR_MONTHS_MISSING]");
        assertThat(number(line(zhuji, 2023, 12, Indicators.KM_NEW_LINKS).get("yearToDate"))).as("新改建农村公路3公里")
                .isEqualByComparingTo("3");
        assertThat(number(line(zhuji, 2023, 12, Indicators.INVESTMENT).get("yearToDate"))).isEqualByComparingTo("17900");
        assertThat(line(zhuji, 2023, 12, Indicators.KM_REPAIRED).get("yoy")).as("no 2022 reports").isNull();

        List<?> projects = (List<?>) zhuji.getAny(RuralApi.BASE + "/projects?year=2023").body();
        assertThat(projects).hasSize(5);
        assertThat(projects.toString()).contains("牌头镇", "UNDER_WAY", "县道大中修工程（10条线路）");
        List<?> kinds = (List<?>) zhuji.getAny(RuralApi.BASE + "/project-kinds?year=2023").body();
        assertThat(kinds.toString()).contains("MAJOR_REPAIR");
        @SuppressWarnings("unchecked")
        Map<String, Object> repair = (Map<String, Object>) kinds.stream()
                .filter(k -> "MAJOR_REPAIR".equals(((Map<?, ?>) k).get("kind"))).findFirst().orElseThrow();
        assertThat(number(repair.get("completedKm"))).isEqualByComparingTo("107");
        assertThat(number(repair.get("projects")).intValue()).isEqualTo(3);
        assertThat(number(repair.get("completed")).intValue()).as("牌头镇 delayed").isEqualTo(2);
    }

    @Test
    void shaoxingReportedUpToSeptemberAndLiuyangComparesWithTheYearBefore() {
        ApiSession shaoxing = admins.get("shaoxing");
        Map<String, Object> september = line(shaoxing, 2020, 9, Indicators.KM_ELIMINATED);
        assertThat(number(september.get("yearToDate"))).isEqualByComparingTo("41.6");
        Map<String, Object> october = line(shaoxing, 2020, 10, Indicators.KM_ELIMINATED);
        assertThat(october.get("yearToDate")).isNull();
        assertThat(october.get("missingMonths").toString()).isEqualTo("[10]");

        Map<String, Object> liuyang = line(admins.get("liuyang"), 2020, 12, Indicators.KM_REPAIRED);
        assertThat(number(liuyang.get("yearToDate"))).isEqualByComparingTo("92");
        assertThat(number(liuyang.get("lastYearToDate"))).isEqualByComparingTo("86.5");
        assertThat(number(liuyang.get("yoy"))).as("(92 - 86.5) / 86.5").isEqualByComparingTo("6.4");
    }

    @Test
    void importingTheDemoFilesAgainChangesNothing() throws IOException {
        for (String bureau : BUREAUS) {
            for (Path file : RuralApi.demoFiles(bureau)) {
                Map<String, Object> again = RuralApi.importDemo(admins.get(bureau), file);
                assertThat(number(again.get("accepted")).longValue()).as(file.toString()).isZero();
                assertThat(number(again.get("skipped")).longValue()).as(file.toString())
                        .isEqualTo(Files.readAllLines(file).size() - 1);
            }
        }
    }

    @Test
    void zhujisTownsAreDeclaredAsTheSummarySaysAndItsSyntheticNetworkIsRated() {
        ApiSession zhuji = admins.get("zhuji");
        List<?> towns = (List<?>) zhuji.getAny(RuralApi.BASE + "/towns?year=2023").body();
        assertThat(towns).hasSize(3);
        assertThat(towns.toString()).contains("大唐街道", "浣东街道", "东和乡", "DECLARED", "已完成诸暨市内验收考核");
        assertThat(((List<?>) ((Map<?, ?>) towns.get(0)).get("criteria"))).hasSize(3);
        assertThat(number(line(zhuji, 2023, 12, Indicators.DEMO_TOWNS).get("yearToDate"))).as("declared, not named").isEqualByComparingTo("0");

        Map<String, Object> summary = zhuji.get(RuralApi.BASE + "/summary/2023/12").body();
        assertThat(number(summary.get("networkKm"))).isEqualByComparingTo("65.0");
        assertThat(number(((Map<?, ?>) summary.get("networkKmByGrade")).get("SUBSTANDARD"))).isEqualByComparingTo("4.3");
        assertThat(number(line(zhuji, 2023, 12, Indicators.GOOD_ROAD_RATE).get("yearToDate"))).as("55.1 / 65.0 km")
                .isEqualByComparingTo("84.8");
        assertThat(number(line(zhuji, 2023, 12, Indicators.GOOD_COUNTY).get("yearToDate"))).isEqualByComparingTo("100.0");
        assertThat(number(line(zhuji, 2023, 12, Indicators.GOOD_TOWNSHIP).get("yearToDate"))).isEqualByComparingTo("45.3");
        assertThat(number(line(zhuji, 2023, 12, Indicators.BAY_STOPS).get("yearToDate"))).isEqualByComparingTo("3");
        assertThat(number(line(zhuji, 2023, 12, Indicators.LOGISTICS_POINTS).get("yearToDate"))).as("one opened in 2022")
                .isEqualByComparingTo("2");
    }
}
