package cn.jiaoyun.core.web;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a 4xx problem document in the caller's language, never a 500 or a stack trace. */
@JiaoyunTest
class ErrorResponsesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void malformedJsonIsA400ProblemInChinese() {
        HttpResponse<Map<String, Object>> r = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/auth/login", "{\"tenant\": \"shaoxing\", ").contentType(MediaType.APPLICATION_JSON));
        assertProblem(r, 400);
        assertThat(r.body().get("detail")).isEqualTo("请求体不是有效的 JSON。");
    }

    @Test
    void missingFieldsAreNamed() {
        HttpResponse<Map<String, Object>> r = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/auth/login", Map.of("tenant", "shaoxing")));
        assertProblem(r, 400);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) r.body().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("username", "password");
        assertThat(errors).extracting(e -> e.get("message")).containsOnly("必填");
    }

    @Test
    void englishIsAvailableOnRequest() {
        HttpResponse<Map<String, Object>> r = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/auth/login", Map.of("tenant", "shaoxing", "username", "admin", "password", "nope"))
                        .header("Accept-Language", "en-US,en;q=0.8"));
        assertProblem(r, 401);
        assertThat(r.body().get("detail")).isEqualTo("Wrong username or password.");
    }

    @Test
    void anOversizedBodyIsRefusedAndTheServerKeepsServing() {
        String huge = "{\"username\":\"" + "x".repeat(2_000_000) + "\",\"password\":\"y\"}";
        HttpResponse<Map<String, Object>> r = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/auth/login", huge).contentType(MediaType.APPLICATION_JSON));
        assertThat(r.code()).isEqualTo(413);
        assertThat(ApiSession.demo(client, "shaoxing", "viewer").get("/api/units").code()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAndMissingLoginAreProblemsToo() {
        ApiSession viewer = ApiSession.demo(client, "shaoxing", "viewer");
        HttpResponse<Map<String, Object>> notFound = viewer.get("/api/no-such-thing");
        assertProblem(notFound, 404);

        HttpResponse<Map<String, Object>> anonymous = ApiSession.send(client.toBlocking(), HttpRequest.GET("/api/units"));
        assertProblem(anonymous, 401);

        HttpResponse<Map<String, Object>> badId = viewer.get("/api/units/not-a-number");
        assertThat(badId.code()).isBetween(400, 404);
        assertThat(badId.body().toString()).doesNotContain("Exception").doesNotContain("at cn.");
    }

    @Test
    void wrongFieldTypesAreA400() {
        ApiSession admin = ApiSession.demo(client, "zhuji", "admin");
        HttpResponse<Map<String, Object>> r = admin.post("/api/users", Map.of(
                "username", "typed", "displayName", "类型错误", "password", "long-enough-1",
                "roles", List.of("REPORTER"), "unitId", "not-a-number"));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().toString()).doesNotContain("Exception");
        HttpResponse<Map<String, Object>> badRole = admin.post("/api/users", Map.of(
                "username", "typed", "displayName", "角色错误", "password", "long-enough-1",
                "roles", List.of("PLATFORM_ADMIN")));
        assertProblem(badRole, 400);
        assertThat(badRole.body().toString()).contains("PLATFORM_ADMIN");
    }

    private static void assertProblem(HttpResponse<Map<String, Object>> r, int status) {
        assertThat(r.code()).isEqualTo(status);
        assertThat(r.getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(r.body()).containsEntry("status", status).containsKeys("title", "detail");
        assertThat(r.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
