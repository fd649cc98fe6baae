package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.importing.ParsedWorkLists;
import cn.jiaoyun.core.assessment.importing.ShaoxingSeed;
import cn.jiaoyun.core.assessment.importing.WorkListDocuments;
import cn.jiaoyun.core.assessment.importing.WorkListOfficeRoundTripTest;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a bureau's work lists through the API, from the Shaoxing 2020 text export and from
 * Word and Excel versions of it: preview, commit, re-import, bad files, corrections, isolation.
 * Each test works in a year of its own, so that they do not see each other's lists.
 */
@JiaoyunTest
class WorkListImportApiTest {

    private static final List<String> UNITS = List.of(
            "市交通运输综合行政执法队", "市公路与运输管理中心", "市交通工程管理中心", "市综合交通运行监测中心");

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession admin;

    @BeforeEach
    void login() {
        admin = ApiSession.demo(client, "shaoxing", "admin");
    }

    @Test
    void thePreviewShowsListsItemsPointsAndTargetsAndWritesNothing() throws Exception {
        HttpResponse<Map<String, Object>> r = admin.upload("/api/worklists/import", "shaoxing.txt",
                ShaoxingSeed.bytes(), Map.of("year", "2019", "commit", "false"));

        assertThat(r.code()).isEqualTo(200);
        Map<String, Object> preview = r.body();
        assertThat(preview.get("problems")).isEqualTo(List.of());
        assertThat(preview.get("unplaced")).isEqualTo(List.of());
        List<Map<String, Object>> lists = list(preview.get("lists"));
        assertThat(lists).extracting(l -> l.get("unitName")).containsExactly(UNITS.get(0), UNITS.get(1), UNITS.get(2), UNITS.get(3), null);
        assertThat(lists).extracting(l -> l.get("items")).containsExactly(17, 13, 9, 4, 10);
        assertThat(lists).extracting(l -> new BigDecimal(l.get("points").toString()).intValue())
                .containsExactly(60, 60, 60, 60, 20);

        Map<String, Object> enforcement = list(preview.get("items")).stream()
                .filter(i -> "治超非现场执法示范区创建".equals(i.get("title"))).findFirst().orElseThrow();
        assertThat(list(enforcement.get("targets"))).anySatisfy(t -> {
            assertThat((String) t.get("subject")).contains("车道");
            assertThat(t.get("comparator")).isEqualTo("≥");
            assertThat(new BigDecimal(t.get("value").toString())).isEqualByComparingTo("18");
            assertThat(t.get("unit")).isEqualTo("条");
            String content = (String) enforcement.get("content");
            assertThat(content.substring((Integer) t.get("start"), (Integer) t.get("end"))).contains("18");
        });
        assertThat(list(enforcement.get("departments"))).extracting(d -> d.get("name")).containsExactly("公路处", "法规处");
        assertThat(list(enforcement.get("departments"))).allMatch(d -> d.get("departmentId") != null);

        Map<String, Object> efficiency = list(preview.get("items")).stream()
                .filter(i -> "工作效能".equals(i.get("title"))).findFirst().orElseThrow();
        assertThat(list(efficiency.get("deductionRules"))).extracting(d -> new BigDecimal(d.get("pointsPerOccurrence").toString()))
                .containsExactly(new BigDecimal("0.2"), new BigDecimal("0.3"), new BigDecimal("0.5"));

        assertThat(summaries(2019)).as("a preview writes nothing").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void committingTheSameFileTwiceStoresTheListsOnce() throws Exception {
        HttpResponse<Map<String, Object>> first = commit("shaoxing.txt", ShaoxingSeed.bytes(), 2020);
        assertThat(first.code()).isEqualTo(200);
        assertThat(first.body()).containsEntry("listsCreated", 5).containsEntry("itemsCreated", 53);

        HttpResponse<Map<String, Object>> second = commit("shaoxing.txt", ShaoxingSeed.bytes(), 2020);
        assertThat(second.body()).containsEntry("listsCreated", 0).containsEntry("itemsCreated", 0)
                .containsEntry("itemsUpdated", 0).containsEntry("itemsUnchanged", 53).containsEntry("targetsCreated", 0);

        List<Map<String, Object>> lists = summaries(2020);
        assertThat(lists).hasSize(5);
        Map<String, Object> routine = lists.stream().filter(l -> "ROUTINE".equals(l.get("kind"))).findFirst().orElseThrow();
        assertThat((List<Object>) routine.get("units")).as("the routine list applies to the file's four units")
                .containsExactlyInAnyOrderElementsOf(List.copyOf(UNITS));
        assertThat(lists.stream().filter(l -> "KEY".equals(l.get("kind")))
                .map(l -> new BigDecimal(l.get("points").toString()).intValue())).containsOnly(60);

        Map<String, Object> detail = admin.get("/api/worklists/" + routine.get("id")).body();
        assertThat(list(detail.get("items"))).hasSize(10);
        assertThat(admin.getAny("/api/audit?limit=20").body().toString()).contains("WORK_LIST_IMPORTED", "shaoxing.txt");
    }

    @Test
    void wordAndExcelVersionsOfTheListsImportTheSameWay() throws Exception {
        ParsedWorkLists parsed = WorkListDocuments.parse("shaoxing.txt", ShaoxingSeed.bytes());
        HttpResponse<Map<String, Object>> word = commit("绍兴2020清单.docx", WorkListOfficeRoundTripTest.docx(parsed), 2021);
        HttpResponse<Map<String, Object>> excel = commit("绍兴2020清单.xlsx", WorkListOfficeRoundTripTest.xlsx(parsed), 2022);
        assertThat(word.code()).as(String.valueOf(word.body())).isEqualTo(200);
        assertThat(excel.code()).as(String.valueOf(excel.body())).isEqualTo(200);
        for (int year : List.of(2021, 2022)) {
            List<Map<String, Object>> lists = summaries(year);
            assertThat(lists).extracting(l -> l.get("items")).as("year " + year).containsExactlyInAnyOrder(17, 13, 9, 4, 10);
            assertThat(lists).extracting(l -> new BigDecimal(l.get("points").toString()).intValue())
                    .containsExactlyInAnyOrder(60, 60, 60, 60, 20);
        }
    }

    @Test
    void anotherBureausUnitsAreNamedAsProblemsAndNothingIsWritten() throws Exception {
        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        HttpResponse<Map<String, Object>> preview = zhuji.upload("/api/worklists/import", "shaoxing.txt",
                ShaoxingSeed.bytes(), Map.of("year", "2020"));
        assertThat(preview.code()).isEqualTo(200);
        assertThat((List<?>) preview.body().get("problems")).hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(p -> assertThat(p.toString()).contains("市公路与运输管理中心", "不是本局的单位"));

        HttpResponse<Map<String, Object>> commit = zhuji.upload("/api/worklists/import", "shaoxing.txt",
                ShaoxingSeed.bytes(), Map.of("year", "2020", "commit", "true"));
        assertThat(commit.code()).isEqualTo(422);
        assertThat((String) commit.body().get("detail")).contains("shaoxing.txt", "市公路与运输管理中心");
        assertThat(list(zhuji.getAny("/api/worklists?year=2020").body())).isEmpty();
    }

    @Test
    void badFilesGetAClearMessageNamingFileAndLine() throws Exception {
        HttpResponse<Map<String, Object>> broken = commit("清单.docx", "this is no Word file".getBytes(StandardCharsets.UTF_8), 2030);
        assertThat(broken.code()).isEqualTo(400);
        assertThat((String) broken.body().get("detail")).contains("清单.docx");

        String noPoints = String.join("\n", "局属各单位2030年重点工作清单", "", "市交通运输综合行政执法队",
                "\t考核项目", "\t考核内容", "\t分值", "\t督查部门", "", "\t安全生产", "\t落实安全生产责任。", "\t", "\t安全处", "");
        HttpResponse<Map<String, Object>> missing = commit("no-points.txt", noPoints.getBytes(StandardCharsets.UTF_8), 2030);
        assertThat(missing.code()).isEqualTo(400);
        assertThat((String) missing.body().get("detail")).contains("no-points.txt").containsPattern("第\\d+行");

        HttpResponse<Map<String, Object>> english = ApiSession.send(client.toBlocking(),
                io.micronaut.http.HttpRequest.POST("/api/worklists/import",
                        io.micronaut.http.client.multipart.MultipartBody.builder()
                                .addPart("file", "no-points.txt", noPoints.getBytes(StandardCharsets.UTF_8))
                                .addPart("commit", "true").build())
                        .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE)
                        .header("Accept-Language", "en").bearerAuth(admin.token()));
        assertThat((String) english.body().get("detail")).contains("no-points.txt", "line");

        byte[] gbk = new String(ShaoxingSeed.bytes(), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
        HttpResponse<Map<String, Object>> decoded = admin.upload("/api/worklists/import", "gbk.txt", gbk, Map.of("year", "2031"));
        assertThat(decoded.code()).isEqualTo(200);
        assertThat((List<?>) decoded.body().get("notices")).isNotEmpty();
        assertThat(list(decoded.body().get("lists"))).extracting(l -> l.get("items")).containsExactly(17, 13, 9, 4, 10);
        HttpResponse<Map<String, Object>> unconfirmed = commit("gbk.txt", gbk, 2031);
        assertThat(unconfirmed.code()).as("a GBK file is not stored without confirming its reading").isEqualTo(400);
        assertThat((String) unconfirmed.body().get("detail")).contains("gbk.txt", "UTF-8", "未写入");
        assertThat(summaries(2031)).isEmpty();
        assertThat(admin.upload("/api/worklists/import", "gbk.txt", gbk,
                Map.of("year", "2031", "commit", "true", "encoding", "GB18030")).code()).isEqualTo(200);
        assertThat(summaries(2031)).hasSize(5);

        assertThat(summaries(2030)).as("nothing written by the refused files").isEmpty();
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[50 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        HttpResponse<Map<String, Object>> r = commit("huge.txt", huge, 2032);
        assertThat(r.code()).isEqualTo(400);
        assertThat((String) r.body().get("detail")).contains("huge.txt");
        assertThat(summaries(2032)).isEmpty();
        assertThat(admin.get("/api/units").code()).as("the server keeps serving").isEqualTo(200);
    }

    @Test
    void correctionsOfTargetsSurviveAReimport() throws Exception {
        assertThat(commit("shaoxing.txt", ShaoxingSeed.bytes(), 2023).code()).isEqualTo(200);
        Map<String, Object> item = itemTitled(2023, "治超非现场执法示范区创建");
        List<Map<String, Object>> targets = list(item.get("targets"));
        Map<String, Object> lanes = targets.stream().filter(t -> ((String) t.get("subject")).contains("车道")).findFirst().orElseThrow();
        Map<String, Object> other = targets.stream().filter(t -> t != lanes).findFirst().orElseThrow();
        long itemId = ((Number) ((Map<?, ?>) item.get("item")).get("id")).longValue();

        assertThat(admin.put("/api/targets/" + lanes.get("id"), Map.of("subject", "治超非现场执法车道（新增）",
                "comparator", "≥", "value", 20, "unit", "条", "deadlineMonth", 11)).code()).isEqualTo(200);
        assertThat(admin.delete("/api/targets/" + other.get("id")).code()).isEqualTo(204);
        assertThat(admin.post("/api/items/" + itemId + "/targets", Map.of("subject", "治超联合执法行动",
                "comparator", "AT_LEAST", "value", 12, "unit", "次")).code()).isEqualTo(201);

        assertThat(commit("shaoxing.txt", ShaoxingSeed.bytes(), 2023).code()).isEqualTo(200);

        List<Map<String, Object>> after = list(admin.get("/api/items/" + itemId).body().get("targets"));
        assertThat(after).extracting(t -> t.get("subject"))
                .contains("治超非现场执法车道（新增）", "治超联合执法行动")
                .doesNotContain(lanes.get("subject"), other.get("subject"));
        assertThat(after.stream().filter(t -> "治超非现场执法车道（新增）".equals(t.get("subject"))).findFirst().orElseThrow())
                .containsEntry("origin", "USER").containsEntry("deadlineMonth", 11);
        assertThat(admin.getAny("/api/audit?limit=50").body().toString()).contains("TARGET_CORRECTED", "before=", "after=");

        assertThat(admin.put("/api/targets/" + lanes.get("id"), Map.of("subject", "x", "comparator", "≈", "unit", "条")).code())
                .isIn(400, 404);
        assertThat(admin.post("/api/items/" + itemId + "/targets", Map.of("subject", "", "comparator", "≈")).code())
                .isEqualTo(400);
    }

    @Test
    void anotherBureauCannotReadOrCorrectTheListsAndOnlyAdministratorsImport() throws Exception {
        assertThat(commit("shaoxing.txt", ShaoxingSeed.bytes(), 2024).code()).isEqualTo(200);
        Map<String, Object> list = summaries(2024).get(0);
        Map<String, Object> item = itemTitled(2024, "治超非现场执法示范区创建");
        long itemId = ((Number) ((Map<?, ?>) item.get("item")).get("id")).longValue();
        Object targetId = list(item.get("targets")).get(0).get("id");

        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(zhuji.get("/api/worklists/" + list.get("id")).code()).isEqualTo(404);
        assertThat(zhuji.get("/api/items/" + itemId).code()).isEqualTo(404);
        assertThat(zhuji.put("/api/targets/" + targetId, Map.of("subject", "篡改", "comparator", "≥", "value", 1, "unit", "条")).code())
                .isEqualTo(404);
        assertThat(zhuji.delete("/api/targets/" + targetId).code()).isEqualTo(404);
        assertThat(zhuji.post("/api/items/" + itemId + "/targets", Map.of("subject", "偷加", "comparator", "≥", "value", 1, "unit", "条")).code())
                .isEqualTo(404);
        assertThat(list(zhuji.getAny("/api/worklists?year=2024").body())).isEmpty();
        assertThat(list(admin.get("/api/items/" + itemId).body().get("targets"))).extracting(t -> t.get("subject"))
                .doesNotContain("篡改", "偷加");

        ApiSession reporter = ApiSession.demo(client, "shaoxing", "reporter");
        assertThat(reporter.upload("/api/worklists/import", "shaoxing.txt", ShaoxingSeed.bytes(), Map.of("year", "2025")).code())
                .isEqualTo(403);
        assertThat(reporter.get("/api/items/" + itemId).code()).as("reporters read the lists").isEqualTo(200);
    }

    private Map<String, Object> itemTitled(int year, String title) {
        for (Map<String, Object> l : summaries(year)) {
            for (Map<String, Object> i : list(admin.get("/api/worklists/" + l.get("id")).body().get("items"))) {
                if (title.equals(i.get("title"))) {
                    return admin.get("/api/items/" + i.get("id")).body();
                }
            }
        }
        throw new AssertionError("no item " + title + " in " + year);
    }

    private HttpResponse<Map<String, Object>> commit(String fileName, byte[] content, int year) {
        return admin.upload("/api/worklists/import", fileName, content, Map.of("year", String.valueOf(year), "commit", "true"));
    }

    private List<Map<String, Object>> summaries(int year) {
        return list(admin.getAny("/api/worklists?year=" + year).body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
