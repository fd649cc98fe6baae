package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.assessment.importing.ShaoxingSeed;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau administrator's own indicators (公交车辆数, 双随机检查户次…): created with a generated
 * code, listed after the platform's marked own, edited within the rules (unit and aggregation
 * only while without figures), deleted only without figures; every wrong field named; and then
 * treated like the platform's: the figures grid, months, annual targets, a work-list target fed
 * by one, the .xlsx round trip. Audited.
 */
@JiaoyunTest
class OwnIndicatorsApiTest {

    /** Names of this run, so that a second run in the same database does not collide. */
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);
    private static final String ENFORCEMENT = "市交通运输综合行政执法队";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TenantTransactions tx;

    static Map<String, Object> draft(String name, String unit, String aggregation, String direction) {
        Map<String, Object> d = new HashMap<>();
        d.put("name", name);
        d.put("unit", unit);
        d.put("aggregation", aggregation);
        d.put("direction", direction);
        return d;
    }

    static String create(ApiSession admin, String name, String unit, String aggregation) {
        HttpResponse<Map<String, Object>> r = admin.post("/api/indicators", draft(name, unit, aggregation, "HIGHER"));
        assertThat(r.code()).as("%s", r.body()).isEqualTo(201);
        return (String) r.body().get("code");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(Map<String, Object> sheet, String code) {
        return ((List<Map<String, Object>>) sheet.get("rows")).stream()
                .filter(r -> code.equals(((Map<?, ?>) r.get("indicator")).get("code"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void anAdministratorAddsEditsAndListsItsOwnIndicators() {
        ApiSession admin = ApiSession.demo(client, "shaoxing", "admin");
        Map<String, Object> d = draft("公交车辆数" + RUN, "辆", "LAST", "HIGHER");
        d.put("description", "年末在册公交车辆");
        HttpResponse<Map<String, Object>> created = admin.post("/api/indicators", d);
        assertThat(created.code()).as("%s", created.body()).isEqualTo(201);
        String code = (String) created.body().get("code");
        assertThat(code).matches("own\\.[0-9]+");
        assertThat(created.body()).containsEntry("nameZh", "公交车辆数" + RUN).containsEntry("unit", "辆")
                .containsEntry("aggregation", "LAST").containsEntry("own", true).containsEntry("published", false)
                .containsEntry("description", "年末在册公交车辆");

        List<Map<String, Object>> catalog = list(admin.getAny("/api/indicators").body());
        assertThat(catalog).anySatisfy(i -> assertThat(i).containsEntry("code", "invest.effective")
                .containsEntry("own", false));
        assertThat(catalog).anySatisfy(i -> assertThat(i).containsEntry("code", code).containsEntry("own", true));

        // names, description and direction change; the unit too while it has no figures
        Map<String, Object> edit = new HashMap<>();
        edit.put("nameZh", "公交营运车辆数" + RUN);
        edit.put("nameEn", "Buses in service " + RUN);
        edit.put("direction", "LOWER");
        edit.put("unit", "标台");
        HttpResponse<Map<String, Object>> edited = admin.put("/api/indicators/" + code, edit);
        assertThat(edited.code()).as("%s", edited.body()).isEqualTo(200);
        assertThat(edited.body()).containsEntry("nameZh", "公交营运车辆数" + RUN).containsEntry("direction", "LOWER")
                .containsEntry("unit", "标台").containsEntry("description", "年末在册公交车辆");

        // with a month of figures the unit and the aggregation stay, the names still change
        assertThat(admin.put("/api/figures/2016/values", Map.of("entries", List.of(
                Map.of("code", code, "month", 12, "value", 1180, "withheld", false)))).code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> unit = admin.put("/api/indicators/" + code, Map.of("unit", "辆"));
        assertThat(unit.code()).isEqualTo(409);
        assertThat(unit.body().toString()).contains("unit").contains("单位和汇总方式不能再改");
        HttpResponse<Map<String, Object>> aggregation = admin.put("/api/indicators/" + code, Map.of("aggregation",
                "SUM"));
        assertThat(aggregation.code()).isEqualTo(409);
        assertThat(aggregation.body().toString()).contains("aggregation");
        assertThat(admin.put("/api/indicators/" + code, Map.of("description", "")).code()).isEqualTo(200);
        assertThat(list(admin.getAny("/api/indicators").body()).stream().filter(i -> code.equals(i.get("code")))
                .findFirst().orElseThrow()).containsEntry("unit", "标台").doesNotContainKey("description");

        String audit = admin.getAny("/api/audit").body().toString();
        assertThat(audit).contains("INDICATOR_CREATED").contains("INDICATOR_UPDATED")
                .contains("direction: HIGHER → LOWER").contains("unit: 辆 → 标台");
    }

    @Test
    void anIndicatorWithFiguresIsNotDeletedOneWithoutIs() {
        ApiSession admin = ApiSession.demo(client, "shaoxing", "admin");
        String code = create(admin, "行政复议案件" + RUN, "件", "SUM");
        assertThat(admin.put("/api/figures/2016/values", Map.of("entries", List.of(
                Map.of("code", code, "month", 3, "value", 4, "withheld", false)))).code()).isEqualTo(200);
        HttpResponse<Map<String, Object>> refused = admin.delete("/api/indicators/" + code);
        assertThat(refused.code()).isEqualTo(409);
        assertThat(refused.body().toString()).contains("不能删除");
        assertThat(ApiSession.demo(client, "shaoxing", "admin").getAny("/api/indicators").body().toString())
                .contains(code);

        // the month cleared, an annual target still holds it; then it goes
        assertThat(admin.put("/api/figures/2016/values", Map.of("entries", List.of(
                Map.of("code", code, "month", 3, "withheld", false)))).code()).isEqualTo(200);
        assertThat(admin.put("/api/figures/2016/targets/" + code, Map.of("value", 10)).code()).isEqualTo(204);
        assertThat(admin.delete("/api/indicators/" + code).code()).isEqualTo(409);
        HashMap<String, Object> none = new HashMap<>();
        none.put("value", null);
        assertThat(admin.put("/api/figures/2016/targets/" + code, none).code()).isEqualTo(204);
        assertThat(admin.delete("/api/indicators/" + code).code()).isEqualTo(204);
        assertThat(admin.getAny("/api/indicators").body().toString()).doesNotContain(code + ",");
        assertThat(admin.delete("/api/indicators/" + code).code()).isEqualTo(404);
        assertThat(admin.put("/api/indicators/" + code, Map.of("name", "x")).code()).isEqualTo(404);
        assertThat(admin.getAny("/api/audit").body().toString()).contains("INDICATOR_DELETED");
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsWritten() {
        ApiSession admin = ApiSession.demo(client, "shaoxing", "admin");
        int before = count("shaoxing");

        HttpResponse<Map<String, Object>> empty = admin.post("/api/indicators", draft(" ", "", "SUMM", "UP"));
        assertThat(empty.code()).isEqualTo(400);
        assertThat(empty.body().toString()).contains("name").contains("请填写指标名称").contains("unit")
                .contains("aggregation").contains("SUMM").contains("direction");
        HttpResponse<Map<String, Object>> platformName = admin.post("/api/indicators", draft("隐患整改率", "%", "RATIO",
                "HIGHER"));
        assertThat(platformName.code()).isEqualTo(400);
        assertThat(platformName.body().toString()).contains("name").contains("隐患整改率").contains("已在本局的指标目录中");
        HttpResponse<Map<String, Object>> longUnit = admin.post("/api/indicators",
                draft("双随机检查户次" + RUN, "户次".repeat(11), "SUM", "HIGHER"));
        assertThat(longUnit.code()).isEqualTo(400);
        assertThat(longUnit.body().toString()).contains("unit").contains("20");
        HttpResponse<Map<String, Object>> noAggregation = admin.post("/api/indicators",
                draft("双随机检查户次" + RUN, "户次", null, null));
        assertThat(noAggregation.code()).isEqualTo(400);
        assertThat(noAggregation.body().toString()).contains("aggregation");
        assertThat(count("shaoxing")).as("nothing of a refused indicator is written").isEqualTo(before);

        String code = create(admin, "双随机检查户次" + RUN, "户次", "SUM");
        HttpResponse<Map<String, Object>> duplicate = admin.post("/api/indicators", draft(" 双随机检查户次" + RUN + " ",
                "户次", "SUM", "HIGHER"));
        assertThat(duplicate.code()).isEqualTo(400);
        assertThat(duplicate.body().toString()).contains("name").contains("已在本局的指标目录中");
        String other = create(admin, "双随机抽查户次" + RUN, "户次", "SUM");
        HttpResponse<Map<String, Object>> renamed = admin.put("/api/indicators/" + other, Map.of("nameZh",
                "双随机检查户次" + RUN));
        assertThat(renamed.code()).isEqualTo(400);
        assertThat(renamed.body().toString()).contains("nameZh");
        HttpResponse<Map<String, Object>> english = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/indicators",
                draft("行政许可事项" + RUN, "件", "SUM", "HIGHER")).bearerAuth(admin.token()).header("Accept-Language", "en"));
        assertThat(english.code()).isEqualTo(201);
        HttpResponse<Map<String, Object>> englishRefusal = ApiSession.send(client.toBlocking(),
                HttpRequest.POST("/api/indicators",
                draft("", "件", "SUM", "HIGHER")).bearerAuth(admin.token()).header("Accept-Language", "en"));
        assertThat(englishRefusal.body().toString()).contains("Enter the indicator name");
        assertThat(count("shaoxing")).isEqualTo(before + 3);
        assertThat(code).isNotEqualTo(other);

        // reporters, supervisors and viewers do not keep the catalog
        for (String user : List.of("supervisor", "reporter", "viewer")) {
            assertThat(ApiSession.demo(client, "shaoxing", user).post("/api/indicators",
                    draft("某指标" + RUN + user, "件", "SUM", "HIGHER")).code()).isEqualTo(403);
        }
    }

    @Test
    void ownIndicatorsAreInTheFiguresWithMonthsAndTargetsAndFeedATarget() throws Exception {
        ApiSession admin = ApiSession.demo(client, "shaoxing", "admin");
        String lanes = create(admin, "新增治超车道" + RUN, "条", "SUM");
        Map<String, Object> sheet = admin.get("/api/figures/2017?through=12").body();
        Map<String, Object> row = row(sheet, lanes);
        assertThat(((Map<?, ?>) row.get("indicator")).get("own")).isEqualTo(true);
        assertThat(row).containsEntry("moduleOwned", false);

        ApiSession reporter = ApiSession.demo(client, "shaoxing", "reporter");
        assertThat(reporter.put("/api/figures/2017/values", Map.of("entries", List.of(
                Map.of("code", lanes, "month", 1, "value", 5, "withheld", false),
                Map.of("code", lanes, "month", 3, "value", 4, "withheld", false)))).code()).isEqualTo(200);
        assertThat(admin.put("/api/figures/2017/targets/" + lanes, Map.of("value", 18)).code()).isEqualTo(204);
        row = row(admin.get("/api/figures/2017?through=12").body(), lanes);
        assertThat(new BigDecimal(((Map<?, ?>) row.get("yearToDate")).get("value").toString()))
                .isEqualByComparingTo("9");
        assertThat(new BigDecimal(row.get("target").toString())).isEqualByComparingTo("18");
        assertThat(new BigDecimal(row.get("completion").toString())).isEqualByComparingTo("50");

        // a work-list target fed by the bureau's own indicator stands on its year to date
        assertThat(admin.upload("/api/worklists/import", "shaoxing.txt", ShaoxingSeed.bytes(),
                Map.of("year", "2017", "commit", "true")).code()).isEqualTo(200);
        long unit = list(admin.getAny("/api/units").body()).stream().filter(u -> ENFORCEMENT.equals(u.get("name")))
                .map(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
        long item = item(admin, "治超非现场执法示范区创建");
        long target = list(admin.get("/api/items/" + item).body().get("targets")).stream()
                .filter(t -> ((String) t.get("subject")).contains("车道"))
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
        assertThat(admin.put("/api/targets/" + target + "/indicator", Map.of("code", lanes)).code()).isEqualTo(200);
        Map<String, Object> state = list(admin.get("/api/items/" + item + "/progress?unitId=" + unit).body()
                .get("targets"))
                .stream().filter(s -> ((Number) ((Map<?, ?>) s.get("target")).get("id")).longValue() == target)
                .findFirst().orElseThrow();
        assertThat(state).containsEntry("indicator", lanes);
        assertThat(new BigDecimal(state.get("live").toString())).isEqualByComparingTo("9");
        assertThat(admin.delete("/api/indicators/" + lanes).code()).as("it has figures and feeds a target")
                .isEqualTo(409);
    }

    @Test
    void theWorkbookRoundTripCarriesOwnIndicators() throws Exception {
        ApiSession admin = ApiSession.demo(client, "shaoxing", "admin");
        String checks = create(admin, "双随机执法检查" + RUN, "户次", "SUM");
        assertThat(admin.put("/api/figures/2013/values", Map.of("entries", List.of(
                Map.of("code", checks, "month", 1, "value", 30, "withheld", false)))).code()).isEqualTo(200);
        byte[] exported = client.toBlocking().exchange(HttpRequest.GET("/api/figures/2013.xlsx")
                .bearerAuth(admin.token()),
                byte[].class).body();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Row r = find(book, checks);
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo("双随机执法检查" + RUN);
            assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(30.0);
            r.createCell(3).setCellValue(400);
            r.createCell(5).setCellValue(35);
            r.createCell(6).setCellValue("*");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<Map<String, Object>> imported = admin.upload("/api/figures/2013/import", "绍兴2013.xlsx", filled,
                Map.of());
        assertThat(imported.code()).as("%s", imported.body()).isEqualTo(200);
        Map<String, Object> row = row(admin.get("/api/figures/2013?through=3").body(), checks);
        assertThat(new BigDecimal(((Map<?, ?>) row.get("yearToDate")).get("value").toString()))
                .isEqualByComparingTo("65");
        assertThat(new BigDecimal(row.get("target").toString())).isEqualByComparingTo("400");
        assertThat(row.get("months").toString()).contains("withheld=true");
    }

    private long item(ApiSession admin, String title) {
        for (Map<String, Object> l : list(admin.getAny("/api/worklists?year=2017").body())) {
            for (Map<String, Object> i : list(admin.get("/api/worklists/" + l.get("id")).body().get("items"))) {
                if (title.equals(i.get("title"))) {
                    return ((Number) i.get("id")).longValue();
                }
            }
        }
        throw new AssertionError("no item " + title);
    }

    private static Row find(XSSFWorkbook book, String code) {
        for (Row r : book.getSheetAt(0)) {
            if (r.getCell(0) != null && code.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private int count(String tenant) {
        return tx.withConnection(tenant, true, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from bureau_indicator");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
