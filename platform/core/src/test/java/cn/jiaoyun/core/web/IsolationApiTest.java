package cn.jiaoyun.core.web;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bureau cannot see or change another's data through any endpoint: every id-taking endpoint
 * is tried with the other bureau's ids, every list is checked for foreign rows.
 */
@JiaoyunTest
class IsolationApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession shaoxingAdmin;
    ApiSession zhujiAdmin;

    @BeforeEach
    void login() {
        shaoxingAdmin = ApiSession.demo(client, "shaoxing", "admin");
        zhujiAdmin = ApiSession.demo(client, "zhuji", "admin");
    }

    @Test
    void listsHoldOnlyTheOwnBureausRows() {
        for (String path : List.of("/api/units", "/api/departments", "/api/users", "/api/audit")) {
            List<Map<String, Object>> rows = list(shaoxingAdmin, path);
            assertThat(rows).as(path).isNotEmpty();
            rows.stream().filter(r -> r.containsKey("tenantId"))
                    .forEach(r -> assertThat(r.get("tenantId")).as(path).isEqualTo("shaoxing"));
        }
        List<Object> zhujiUserIds = list(zhujiAdmin, "/api/users").stream().map(u -> u.get("id")).toList();
        assertThat(list(shaoxingAdmin, "/api/users")).noneMatch(u -> zhujiUserIds.contains(u.get("id")));
        assertThat(shaoxingAdmin.get("/api/bureau").body().get("bureau"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("id", "shaoxing");
    }

    @Test
    void anotherBureausIdsAreNotFoundOnEveryReadEndpoint() {
        Object unitId = list(zhujiAdmin, "/api/units").get(0).get("id");
        Object departmentId = list(zhujiAdmin, "/api/departments").get(0).get("id");
        Object userId = list(zhujiAdmin, "/api/users").get(0).get("id");

        for (String path : List.of("/api/units/" + unitId, "/api/departments/" + departmentId, "/api/users/" + userId)) {
            HttpResponse<Map<String, Object>> r = shaoxingAdmin.get(path);
            assertThat(r.code()).as(path).isEqualTo(404);
            assertThat(r.body().toString()).as(path).doesNotContain("诸暨");
            assertThat(zhujiAdmin.get(path).code()).as("the owner reads " + path).isEqualTo(200);
        }
    }

    @Test
    void anotherBureausUsersCannotBeChanged() {
        Map<String, Object> victim = list(zhujiAdmin, "/api/users").stream()
                .filter(u -> "reporter".equals(u.get("username"))).findFirst().orElseThrow();
        Object id = victim.get("id");

        assertThat(shaoxingAdmin.put("/api/users/" + id,
                Map.of("displayName", "hijacked", "enabled", false, "roles", List.of("BUREAU_ADMIN"))).code())
                .isEqualTo(404);
        assertThat(shaoxingAdmin.post("/api/users/" + id + "/password", Map.of("password", "taken-over-123")).code())
                .isEqualTo(404);

        Map<String, Object> after = zhujiAdmin.get("/api/users/" + id).body();
        assertThat(after).containsEntry("displayName", victim.get("displayName")).containsEntry("enabled", true)
                .containsEntry("roles", List.of("REPORTER"));
        ApiSession.demo(client, "zhuji", "reporter");
    }

    @Test
    void aUserCannotBeAttachedToAnotherBureausUnit() {
        Object zhujiUnit = list(zhujiAdmin, "/api/units").get(0).get("id");
        HttpResponse<Map<String, Object>> r = shaoxingAdmin.post("/api/users", Map.of(
                "username", "crosser", "displayName", "跨局用户", "password", "long-enough-1",
                "roles", List.of("REPORTER"), "unitId", zhujiUnit));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().toString()).contains("unitId");
        assertThat(list(shaoxingAdmin, "/api/users")).noneMatch(u -> "crosser".equals(u.get("username")));
    }

    @Test
    void rolesGateTheEndpoints() {
        ApiSession reporter = ApiSession.demo(client, "shaoxing", "reporter");
        assertThat(reporter.get("/api/units").code()).isEqualTo(200);
        assertThat(reporter.getAny("/api/users").code()).isEqualTo(403);
        assertThat(reporter.getAny("/api/audit").code()).isEqualTo(403);
        assertThat(reporter.getAny("/api/platform/bureaus").code()).isEqualTo(403);

        ApiSession platform = ApiSession.login(client, null, "platform", cn.jiaoyun.test.JiaoyunTestContextBuilder.DEMO_PASSWORD);
        for (String path : List.of("/api/units", "/api/departments", "/api/users", "/api/audit", "/api/bureau")) {
            assertThat(platform.getAny(path).code()).as("platform administrator on " + path).isEqualTo(403);
        }
        assertThat(platform.getAny("/api/platform/bureaus").code()).isEqualTo(200);
    }

    @Test
    void aBureauAdministratorCreatesAUserWhoLogsIn() {
        HttpResponse<Map<String, Object>> created = shaoxingAdmin.post("/api/users", Map.of(
                "username", "newcomer", "displayName", "新同事", "password", "first-password-1",
                "roles", List.of("REPORTER", "VIEWER")));
        assertThat(created.code()).isEqualTo(201);
        Object id = created.body().get("id");

        ApiSession newcomer = ApiSession.login(client, "shaoxing", "newcomer", "first-password-1");
        assertThat(newcomer.get("/api/me").body().get("roles")).isEqualTo(List.of("REPORTER", "VIEWER"));
        assertThat(ApiSession.send(client.toBlocking(), io.micronaut.http.HttpRequest.POST("/api/auth/login",
                Map.of("tenant", "zhuji", "username", "newcomer", "password", "first-password-1"))).code())
                .as("the account exists in its own bureau only").isEqualTo(401);

        assertThat(shaoxingAdmin.post("/api/users/" + id + "/password", Map.of("password", "second-password-2")).code())
                .isEqualTo(204);
        ApiSession.login(client, "shaoxing", "newcomer", "second-password-2");

        ApiSession signedIn = ApiSession.login(client, "shaoxing", "newcomer", "second-password-2");
        assertThat(shaoxingAdmin.put("/api/users/" + id, Map.of("enabled", false)).code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> afterDisable = signedIn.get("/api/me");
        assertThat(afterDisable.code()).as("a token of a disabled account stops working at once").isEqualTo(401);
        assertThat(afterDisable.body().get("detail")).isEqualTo("该账号已停用，请联系本局管理员。");
        assertThat(ApiSession.send(client.toBlocking(), io.micronaut.http.HttpRequest.POST("/api/auth/login",
                Map.of("tenant", "shaoxing", "username", "newcomer", "password", "second-password-2"))).code())
                .as("a disabled account cannot log in").isEqualTo(403);

        List<Object> actions = list(shaoxingAdmin, "/api/audit").stream().map(e -> e.get("action")).toList();
        assertThat(actions).contains("USER_CREATED", "USER_PASSWORD_RESET", "USER_UPDATED");
    }

    @Test
    void theLastAdministratorCannotBeDisabled() {
        Object adminId = list(zhujiAdmin, "/api/users").stream()
                .filter(u -> "admin".equals(u.get("username"))).findFirst().orElseThrow().get("id");
        HttpResponse<Map<String, Object>> r = zhujiAdmin.put("/api/users/" + adminId, Map.of("enabled", false));
        assertThat(r.code()).isEqualTo(409);
        assertThat(zhujiAdmin.get("/api/users/" + adminId).body()).containsEntry("enabled", true);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(ApiSession session, String path) {
        HttpResponse<Object> r = session.getAny(path);
        assertThat(r.code()).as(path).isEqualTo(200);
        return (List<Map<String, Object>>) r.body();
    }
}
