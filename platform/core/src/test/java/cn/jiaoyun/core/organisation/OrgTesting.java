package cn.jiaoyun.core.organisation;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bureaus of their own for the organisation tests (the demo bureaus' organisation stays as others expect it). */
final class OrgTesting {

    static final String ADMIN_PASSWORD = "org-test-2026";

    private OrgTesting() {
    }

    /** Creates the bureau with an administrator {@code chief} (once) and logs in as it. */
    static ApiSession bureau(HttpClient client, String code, String name) {
        ApiSession platform = ApiSession.login(client, null, "platform", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("level", "COUNTY");
        body.put("regionCode", "659001");
        body.put("admin", Map.of("username", "chief", "displayName", name + "管理员", "password", ADMIN_PASSWORD));
        HttpResponse<Map<String, Object>> r = platform.post("/api/platform/bureaus", body);
        assertThat(r.code()).as(String.valueOf(r.body())).isIn(201, 409);
        return ApiSession.login(client, code, "chief", ADMIN_PASSWORD);
    }

    static long id(HttpResponse<Map<String, Object>> created) {
        assertThat(created.code()).as(String.valueOf(created.body())).isEqualTo(201);
        return ((Number) created.body().get("id")).longValue();
    }

    /** One item of a list: title, content, points, supervising departments as the file writes them. */
    record Item(String title, String content, String points, String departments) {
    }

    /** A work list in the text export of Word tables (the Shaoxing format): one table per unit. */
    static byte[] workList(String bureauName, int year, Map<String, List<Item>> byUnit) {
        List<String> lines = new ArrayList<>();
        lines.add(bureauName + year + "年度重点工作清单");
        lines.add("");
        byUnit.forEach((unit, items) -> {
            lines.add(unit);
            lines.add("\t考核项目\t考核内容\t分值\t督查部门");
            for (Item i : items) {
                lines.add("\t" + i.title() + "\t" + i.content() + "\t" + i.points() + "\t" + i.departments());
            }
            lines.add("");
        });
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** The problem's field names. */
    static List<Object> fields(HttpResponse<Map<String, Object>> r) {
        Object errors = r.body() == null ? null : r.body().get("errors");
        return errors == null ? List.of() : list(errors).stream().map(e -> e.get("field")).toList();
    }
}
