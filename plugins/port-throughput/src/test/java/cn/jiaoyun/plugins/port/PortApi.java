package cn.jiaoyun.plugins.port;

import cn.jiaoyun.test.ApiSession;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the module's integration tests do through its API: imports and the summary's lines. */
final class PortApi {

    static final String BASE = "/api/modules/port-throughput";

    private PortApi() {
    }

    /** Imports a file through an importer, as a browser form or the demo loader would. */
    static Map<String, Object> importFile(ApiSession session, String importer, String fileName, byte[] content) {
        var r = session.upload(BASE + "/imports/" + importer, fileName, content, Map.of());
        assertThat(r.code()).as("import of %s: %s", fileName, r.body()).isEqualTo(200);
        return r.body();
    }

    static Map<String, Object> importCsv(ApiSession session, String importer, String csv) {
        return importFile(session, importer, importer + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> problems(Map<String, Object> outcome) {
        return (List<Map<String, Object>>) outcome.get("problems");
    }

    static long count(Map<String, Object> outcome, String key) {
        return ((Number) outcome.get(key)).longValue();
    }

    /** One line of {@code GET /summary/{year}/{month}}, by its measure key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> line(ApiSession session, int year, int month, String key) {
        var r = session.get(BASE + "/summary/" + year + "/" + month);
        assertThat(r.code()).as("%s", r.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) r.body().get("lines")).stream().filter(l -> key.equals(l.get("key")))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + key + " in " + r.body()));
    }

    static BigDecimal number(Map<String, Object> line, String field) {
        Object v = line.get(field);
        return v == null ? null : new BigDecimal(v.toString());
    }
}
