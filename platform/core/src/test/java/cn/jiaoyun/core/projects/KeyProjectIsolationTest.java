package cn.jiaoyun.core.projects;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static cn.jiaoyun.core.projects.KeyProjectApiTest.list;
import static cn.jiaoyun.core.projects.KeyProjectApiTest.map;
import static cn.jiaoyun.core.projects.KeyProjectApiTest.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zhuji cannot read or change Shaoxing's key projects through any endpoint, and PostgreSQL
 * refuses another bureau's rows when code forgets to filter.
 */
@JiaoyunTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyProjectIsolationTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;
    @Inject
    KeyProjectRepository projects;
    @Inject
    KeyProjectMonthRepository months;

    ApiSession shaoxing;
    ApiSession zhuji;
    long shaoxingProject;
    long shaoxingIssue;
    long zhujiProject;

    @BeforeAll
    void twoBureausWithAProjectEach() {
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        zhuji = ApiSession.demo(client, "zhuji", "admin");
        shaoxingProject = id(shaoxing.post("/api/key-projects", project("SX-1", "杭绍台高速绍兴段", "公路", 2022, 2024)));
        String path = "/api/key-projects/" + shaoxingProject;
        shaoxing.put(path + "/plans/2022", Map.of("planned", 5000));
        shaoxing.put(path + "/months/2022-03", Map.of("actual", 700, "progress", 30));
        shaoxing.put(path + "/milestones", List.of(Map.of("kind", "START", "plannedOn", "2022-03-01")));
        HttpResponse<Map<String, Object>> issue = shaoxing.post(path + "/issues",
                Map.of("kind", "LAND", "description", "用地报批", "foundOn", "2022-02-01"));
        shaoxingIssue = ((Number) list(issue.body().get("issues")).get(0).get("id")).longValue();
        zhujiProject = id(zhuji.post("/api/key-projects", project("ZJ-1", "店口港", "水运", 2022, 2022)));
    }

    @Test
    void zhujiCannotReadOrChangeShaoxingsProjectsThroughAnyEndpoint() {
        String theirs = "/api/key-projects/" + shaoxingProject;
        List<HttpResponse<Map<String, Object>>> attempts = List.of(
                zhuji.get(theirs),
                zhuji.get(theirs + "?year=2022"),
                zhuji.put(theirs, project("SX-1", "被篡改", "公路", 2022, 2024)),
                zhuji.put(theirs + "/plans/2022", Map.of("planned", 1)),
                zhuji.put(theirs + "/months/2022-03", Map.of("actual", 1)),
                zhuji.delete(theirs + "/months/2022-03"),
                zhuji.put(theirs + "/milestones", List.of(Map.of("kind", "START", "actualOn", "2022-03-05"))),
                zhuji.post(theirs + "/issues", Map.of("kind", "LAND", "description", "x", "foundOn", "2022-02-01")),
                zhuji.put(theirs + "/issues/" + shaoxingIssue, Map.of("kind", "LAND", "description", "已解决",
                        "foundOn", "2022-02-01", "resolvedOn", "2022-02-02")),
                zhuji.put("/api/key-projects/" + zhujiProject + "/issues/" + shaoxingIssue, Map.of("kind", "LAND",
                        "description", "已解决", "foundOn", "2022-02-01", "resolvedOn", "2022-02-02")),
                zhuji.delete(theirs));
        for (HttpResponse<Map<String, Object>> r : attempts) {
            assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(404);
            assertThat(String.valueOf(r.body())).doesNotContain("杭绍台");
        }

        assertThat(list(zhuji.getAny("/api/key-projects?year=2022").body()))
                .extracting(r -> map(r.get("project")).get("code")).containsExactly("ZJ-1");
        Map<String, Object> total = map(map(zhuji.get("/api/key-projects/summary?year=2022&through=12").body()
                .get("rollup")).get("total"));
        assertThat(total).containsEntry("projects", 1).doesNotContainKey("actualYtd");

        Map<String, Object> after = shaoxing.get(theirs + "?year=2022").body();
        assertThat(map(after.get("project"))).containsEntry("name", "杭绍台高速绍兴段");
        assertThat(new BigDecimal(after.get("annualPlan").toString())).isEqualByComparingTo("5000");
        assertThat(new BigDecimal(list(after.get("months")).get(2).get("actual").toString())).isEqualByComparingTo("700");
        assertThat(list(after.get("milestones")).get(3)).doesNotContainKey("actualOn");
        assertThat(list(after.get("issues"))).hasSize(1).first().satisfies(i -> assertThat(i).doesNotContainKey("resolvedOn"));
    }

    @Test
    void postgresRefusesAnotherBureausRowsWhenCodeForgets() {
        assertThat(tx.inBureau("zhuji", () -> StreamSupport.stream(projects.findAll().spliterator(), false).toList()))
                .as("an unfiltered query").extracting(KeyProject::tenantId).containsOnly("zhuji");
        assertThat(tx.inBureau("zhuji", () -> projects.findById(shaoxingProject))).isEmpty();

        OffsetDateTime now = OffsetDateTime.now();
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> projects.save(new KeyProject(null, "shaoxing", "SMUGGLED",
                "偷偷插入", ProjectCategory.OTHER, null, null, null, 2022, 2022, null, "zhuji-admin", now, now))))
                .hasStackTraceContaining("row-level security");
        assertThatThrownBy(() -> tx.inBureau("zhuji", () -> months.save(new KeyProjectMonth(null, "zhuji", shaoxingProject,
                LocalDate.of(2022, 4, 1), BigDecimal.TEN, null, null, null, "zhuji-admin", now))))
                .as("a month of zhuji pointing at Shaoxing's project: the foreign key leads with tenant_id")
                .hasStackTraceContaining("foreign key");

        int changed = tx.inBureau("zhuji", () -> sql("update key_project set name = '被篡改' where id = " + shaoxingProject));
        int deleted = tx.inBureau("zhuji", () -> sql("delete from key_project_month where project_id = " + shaoxingProject));
        assertThat(changed).isZero();
        assertThat(deleted).isZero();
        assertThat(tx.inBureau("shaoxing", () -> projects.findById(shaoxingProject)).orElseThrow().name())
                .isEqualTo("杭绍台高速绍兴段");
        assertThat(tx.onPlatform(() -> sql("update key_project set name = 'x'"))).as("no bureau, no rows").isZero();
    }

    private int sql(String statement) {
        return tx.withConnection(cn.jiaoyun.core.tenancy.TenantTransactions.currentBureau() == null ? ""
                : cn.jiaoyun.core.tenancy.TenantTransactions.currentBureau(), false, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long id(HttpResponse<Map<String, Object>> created) {
        assertThat(created.code()).as(String.valueOf(created.body())).isEqualTo(201);
        return ((Number) created.body().get("id")).longValue();
    }
}
