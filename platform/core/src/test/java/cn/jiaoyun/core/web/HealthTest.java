package cn.jiaoyun.core.web;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.TestPostgres;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@JiaoyunTest
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Value("${datasources.default.url}")
    String url;

    @Test
    void healthIsUpOnlyWhileTheDatabaseAnswers() throws InterruptedException {
        HttpResponse<Map<String, Object>> up = ApiSession.send(client.toBlocking(), HttpRequest.GET("/health"));
        assertThat(up.code()).as(String.valueOf(up.body())).isEqualTo(200);
        assertThat(up.body()).containsEntry("status", "UP");
        assertThat(up.body().toString()).as("anonymous callers see no database details").doesNotContain("jdbc:");

        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        TestPostgres pg = TestPostgres.get();
        ApiSession viewer = ApiSession.demo(client, "shaoxing", "viewer");
        pg.asSuperuser("alter database " + database + " with allow_connections false");
        pg.asSuperuser("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        try {
            HttpResponse<Map<String, Object>> down = ApiSession.send(client.toBlocking(), HttpRequest.GET("/health"));
            assertThat(down.code()).isEqualTo(503);
            assertThat(down.body()).containsEntry("status", "DOWN");

            HttpResponse<Map<String, Object>> failing = viewer.get("/api/units");
            assertThat(failing.code()).as("a request the server cannot serve now").isEqualTo(503);
            assertThat(failing.getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
            assertThat(failing.body().get("detail")).isEqualTo("数据库暂时不可用，请稍后重试。");
            assertThat(failing.body().toString()).doesNotContain("Exception").doesNotContain("jdbc")
                    .doesNotContain("at cn.");
        } finally {
            pg.asSuperuser("alter database " + database + " with allow_connections true");
        }
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            Thread.sleep(200);
            status = ApiSession.send(client.toBlocking(), HttpRequest.GET("/health")).code();
        }
        assertThat(status).as("health recovers once the database answers again").isEqualTo(200);
    }
}
