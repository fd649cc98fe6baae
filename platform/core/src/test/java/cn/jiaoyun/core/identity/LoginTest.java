package cn.jiaoyun.core.identity;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@JiaoyunTest
class LoginTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    io.micronaut.json.JsonMapper json;

    @Test
    void aBureauUserLogsInAndTheTokenCarriesBureauAndRoles() {
        HttpResponse<Map<String, Object>> r = login("zhuji", "supervisor", PASSWORD);

        assertThat(r.code()).isEqualTo(200);
        String token = (String) r.body().get("accessToken");
        Map<?, ?> claims = claims(token);
        assertThat(claims.get("tenant")).isEqualTo("zhuji");
        assertThat(claims.get("sub")).isEqualTo("supervisor");
        assertThat(claims.get("roles")).isEqualTo(List.of("SUPERVISOR"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .as("token lifetime in seconds").isBetween(60L, 3600L);

        Map<String, Object> me = ApiSession.demo(client, "zhuji", "supervisor").get("/api/me").body();
        assertThat(me).containsEntry("tenant", "zhuji").containsEntry("bureauName", "诸暨市交通运输局")
                .containsEntry("username", "supervisor");
    }

    @Test
    void aPlatformAdministratorLogsInWithoutABureau() {
        ApiSession platform = ApiSession.login(client, null, "platform", PASSWORD);
        Map<String, Object> me = platform.get("/api/me").body();
        assertThat(me.get("tenant")).isNull();
        assertThat(me.get("roles")).isEqualTo(List.of("PLATFORM_ADMIN"));
    }

    @Test
    void aWrongPasswordOrUnknownBureauIsRefusedClearly() {
        HttpResponse<Map<String, Object>> wrong = login("liuyang", "viewer", "not-the-password");
        assertThat(wrong.code()).isEqualTo(401);
        assertThat(wrong.getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(wrong.body().get("detail")).isEqualTo("用户名或密码错误。");

        HttpResponse<Map<String, Object>> nobody = login("liuyang", "nobody", PASSWORD);
        assertThat(nobody.code()).isEqualTo(401);
        assertThat(nobody.body().get("detail")).as("an unknown user reads like a wrong password")
                .isEqualTo(wrong.body().get("detail"));

        HttpResponse<Map<String, Object>> unknown = login("atlantis", "admin", PASSWORD);
        assertThat(unknown.code()).isEqualTo(404);
        assertThat((String) unknown.body().get("detail")).contains("atlantis");

        HttpResponse<Map<String, Object>> bureauUserAsPlatform = login(null, "admin", PASSWORD);
        assertThat(bureauUserAsPlatform.code()).isEqualTo(401);
    }

    @Test
    void fiveFailuresLockTheAccountWhileOthersKeepLoggingIn() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("liuyang", "reporter", "wrong-" + i).code()).isEqualTo(401);
        }
        HttpResponse<Map<String, Object>> locked = login("liuyang", "reporter", PASSWORD);
        assertThat(locked.code()).as("even the right password is refused while locked").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat((String) locked.body().get("detail")).contains("锁定");

        assertThat(login("liuyang", "admin", PASSWORD).code()).as("another account of the bureau").isEqualTo(200);
        assertThat(login("zhuji", "reporter", PASSWORD).code()).as("the same name in another bureau").isEqualTo(200);

        List<Map<String, Object>> audit = auditOf("liuyang");
        assertThat(audit.stream().filter(e -> "reporter".equals(e.get("actor"))).map(e -> e.get("action")))
                .containsSubsequence("LOGIN_REFUSED_LOCKED", "LOGIN_FAILED", "LOGIN_FAILED");
        assertThat(audit.stream().filter(e -> "LOGIN_FAILED".equals(e.get("action"))
                && "reporter".equals(e.get("actor"))).count()).isEqualTo(5);
    }

    @Test
    void failuresBeforeASuccessDoNotCountTowardsTheLock() {
        for (int i = 0; i < 4; i++) {
            assertThat(login("shaoxing", "viewer", "wrong").code()).isEqualTo(401);
        }
        assertThat(login("shaoxing", "viewer", PASSWORD).code()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(login("shaoxing", "viewer", "wrong").code()).isEqualTo(401);
        }
        assertThat(login("shaoxing", "viewer", PASSWORD).code()).isEqualTo(200);
    }

    @Test
    void platformAccountsAreLockedOutToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(login(null, "ghost-admin", "wrong").code()).isEqualTo(401);
        }
        assertThat(login(null, "ghost-admin", "wrong").code()).isEqualTo(429);
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = ApiSession.demo(client, "shaoxing", "viewer").token();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"shaoxing\"", "\"zhuji\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        HttpResponse<Map<String, Object>> r = ApiSession.send(client.toBlocking(),
                HttpRequest.GET("/api/units").bearerAuth(forged));
        assertThat(r.code()).isEqualTo(401);
    }

    private List<Map<String, Object>> auditOf(String bureau) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) ApiSession.demo(client, bureau, "admin")
                .getAny("/api/audit?limit=200").body();
        return events;
    }

    private HttpResponse<Map<String, Object>> login(String tenant, String username, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        body.put("username", username);
        body.put("password", password);
        return ApiSession.send(client.toBlocking(), HttpRequest.POST("/api/auth/login", body));
    }

    private Map<?, ?> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return json.readValue(payload, Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
