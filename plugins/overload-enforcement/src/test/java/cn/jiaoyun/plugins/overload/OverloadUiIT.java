package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's pages in a real browser, through the jar Maven built: Shaoxing's administrator
 * adds a site and a lane, imports passes (one line bad), filters the cases, exports them, takes
 * one case from detection to closing and reads the month's report; Zhuji, which did not enable
 * the module, has neither the menu entries nor the pages. The {@code .xlsx} of
 * {@code GET /cases.xlsx} opens with POI.
 */
@JiaoyunTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverloadUiIT extends BrowserTest {

    private static final String BASE = "/api/modules/overload-enforcement";
    private static final String PAGES = "/modules/overload-enforcement/";
    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String SHAOXING = "绍兴市交通运输局";
    private static final String ZHUJI = "诸暨市交通运输局";
    private static final List<String> MENU = List.of("menu-module-overload-enforcement-sites",
            "menu-module-overload-enforcement-cases", "menu-module-overload-enforcement-dashboard",
            "menu-module-overload-enforcement-imports", "menu-module-overload-enforcement-rules");

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession platform;
    ApiSession shaoxing;

    @BeforeAll
    void installForShaoxingOnly() throws Exception {
        platform = ApiSession.login(client, null, "platform", PASSWORD);
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("jiaoyun.plugin.jar")));
        HttpResponse<Map<String, Object>> installed = platform.upload("/api/admin/plugins", "overload-enforcement.jar", jar, Map.of());
        assertThat(installed.code()).as("%s", installed.body()).isEqualTo(201);
        shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(shaoxing.put("/api/tenants/shaoxing/modules/overload-enforcement", Map.of()).code()).isLessThan(300);
        // the demo bureaus' tenant.yaml lists the module for Zhuji too: Zhuji's administrator switches it off
        ApiSession zhuji = ApiSession.demo(client, "zhuji", "admin");
        assertThat(zhuji.delete("/api/tenants/zhuji/modules/overload-enforcement").code()).isEqualTo(204);
        assertThat(zhuji.getAny("/api/tenants/zhuji/modules").body().toString()).doesNotContain("enabled=true");
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/overload-enforcement?purge=true");
    }

    @Test
    @Order(1)
    void sitesImportCasesAndReportThroughThePages() throws Exception {
        login.open().logIn(SHAOXING, "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(main.menu()).containsAll(MENU);
        assertThat(browser.find("#menu-module-overload-enforcement-sites").getText()).contains("治超执法点");

        // 治超执法点: a site and a lane through the forms; a code used twice gets the module's message
        browser.find("#menu-module-overload-enforcement-sites").click();
        browser.find("#oe-sites");
        type("#oe-site-code", "GS9");
        type("#oe-site-name", "杭甬高速钱清");
        type("#oe-site-road", "G92");
        choose("#oe-site-class", "高速公路");
        WebElement date = browser.find("#oe-site-commissioned input");
        date.sendKeys("2020-03-01");
        date.sendKeys(Keys.ENTER);
        browser.find("#oe-site-add").click();
        browser.waitForText("#oe-sites", "GS9");
        assertThat(browser.find("#oe-sites").getText()).contains("杭甬高速钱清", "G92", "高速公路", "2020-03-01", "是", "0 条");
        type("#oe-site-code", "GS9");
        type("#oe-site-name", "重复");
        type("#oe-site-road", "G92");
        browser.find("#oe-site-add").click();
        browser.waitForText("#oe-site-error", "执法点编号 GS9 已存在");

        type("#oe-lane-code", "L1");
        type("#oe-lane-direction", "上行");
        browser.find("#oe-lane-add").click();
        browser.waitForText("#oe-sites", "1 条：L1（上行）");
        browser.screenshot("overload-sites");

        // 过车记录导入: four good lines and a bad one, which the page names by its line
        browser.find("#menu-module-overload-enforcement-imports").click();
        Path csv = Files.createTempFile("passes-", ".csv");
        Files.writeString(csv, """
                record_id,site,lane,passed_at,plate,axles,vehicle_kind,gross_kg
                U1,GS9,L1,2020-06-02 08:00:00,浙D10001,2,货车,17000
                U2,GS9,L1,2020-06-02 09:00:00,浙D10002,2,货车,21000
                U3,GS9,L9,2020-06-02 10:00:00,浙D10003,2,货车,21000
                U4,GS9,L1,2020-06-03 11:00:00,浙D10004,2,货车,40000
                U5,GS9,L1,2020-06-03 12:00:00,浙D10005,2,货车,18950
                """, StandardCharsets.UTF_8);
        browser.find("#oe-import-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(csv.toString());
        browser.waitForText("#oe-import-result", "接收 4 条，重复 0 条，拒绝 1 条");
        assertThat(browser.find("#oe-import-problems").getText()).contains("第 4 行", "车道", "站点 GS9 没有车道 L9");
        assertThat(browser.find("#oe-import-status").getText()).contains("已导入");
        browser.screenshot("overload-import");

        // 治超案件: two cases (3,000 kg and 22,000 kg over); the status tabs filter them
        browser.find("#menu-module-overload-enforcement-cases").click();
        browser.waitForText("#oe-cases-count", "共 2 件");
        assertThat(browser.find("#oe-status-DETECTED").getText()).contains("已发现（2）");
        browser.waitForText("#oe-cases", "浙D10004");
        assertThat(browser.find("#oe-cases").getText())
                .contains("浙D10002", "GS9 / L1", "21,000", "18,000", "3,000", "16.67%", "1,500")
                .contains("浙D10004", "40,000", "22,000", "122.22%", "11,000", "超限100%以上")
                .doesNotContain("浙D10001", "浙D10005", "百吨王");
        browser.find("#oe-status-CLOSED").click();
        browser.waitForText("#oe-cases-count", "共 0 件");
        browser.find("#oe-status-DETECTED").click();
        browser.waitForText("#oe-cases-count", "共 2 件");
        List<List<String>> exported = exportedRows();
        assertThat(exported).as("the page's export: header and the two detected cases").hasSize(3);
        assertThat(exported.get(0)).isEqualTo(CaseExport.HEADERS);
        browser.screenshot("overload-cases");

        // a case from detection to closing
        cell("#oe-cases", "浙D10004").click();
        browser.waitForText("#oe-case-status", "已发现");
        assertThat(browser.currentPath()).matches("/modules/overload-enforcement/cases/\\d+");
        String casePath = browser.currentPath();
        assertThat(browser.find("#oe-case-details").getText()).contains("浙D10004", "40,000 kg", "22,000 kg", "11,000 元", "超限100%以上");
        browser.find("#oe-case-review").click();
        browser.waitForText("#oe-case-status", "已审核");
        WebElement fine = browser.find("#oe-case-fine input");
        replace(fine, "99999");
        browser.find("#oe-case-decide").click();
        browser.waitForText("#oe-case-error", "罚款应在 0 至 11000 元之间");
        replace(browser.find("#oe-case-fine input"), "10000");
        browser.find("#oe-case-decide").click();
        browser.waitForText("#oe-case-status", "已决定处罚");
        assertThat(browser.find("#oe-case-fine-amount").getText()).isEqualTo("10,000 元");
        assertThat(browser.find("#oe-case-details").getText()).contains("admin");
        browser.find("#oe-case-close").click();
        browser.waitForText("#oe-case-status", "已结案");
        assertThat(browser.exists("#oe-case-workflow")).isFalse();
        browser.screenshot("overload-case");
        browser.find("#oe-case-back").click();
        browser.waitForText("#oe-status-CLOSED", "已结案（1）");

        // 治超月报: June 2020, the latest month with passes
        browser.find("#menu-module-overload-enforcement-dashboard").click();
        browser.waitForText("#oe-indicators", "检测车辆数");
        assertThat(browser.find("#oe-month").getText()).contains("2020年6月");
        assertThat(browser.find("#oe-indicators").getText())
                .contains("检测车辆数", "4 辆", "超限车辆数", "3 辆", "高速公路超限率", "75.0%", "普通公路超限率", "—",
                        "非现场执法案件数", "2 件", "治超非现场执法处罚率", "50.0%", "超限100%以上车辆数", "1 辆",
                        "百吨王车辆数", "0 辆", "非现场执法车道在线率", "100.0%");
        String daily = browser.find("#oe-daily").getText();
        assertThat(daily).contains("2020-06-01", "2020-06-02", "2020-06-03", "2020-06-30");
        assertThat(dailyRow("2020-06-02")).containsExactly("2020-06-02", "2", "1", "1");
        assertThat(dailyRow("2020-06-03")).containsExactly("2020-06-03", "2", "2", "1");
        assertThat(browser.find("#oe-daily-title").getText()).contains("共检测 4 辆");
        browser.screenshot("overload-dashboard");

        // a larger file (120,300 lines, 24 batches): the page follows it by polling, the progress bar
        // moves, and at the end come the counts and the first rejected lines
        browser.find("#menu-module-overload-enforcement-imports").click();
        Path may = Files.createTempFile("may-", ".csv");
        StringBuilder rows = new StringBuilder("record_id,site,lane,passed_at,plate,axles,vehicle_kind,gross_kg\n");
        for (int i = 1; i <= 120_300; i++) {
            rows.append(String.format("M%06d,GS9,%s,2020-05-%02d 08:00:00,浙D%06d,2,货车,%d%n",
                    i, i % 401 == 0 ? "L9" : "L1", 1 + i % 28, i, 15_000 + i % 2_000));
        }
        Files.writeString(may, rows, StandardCharsets.UTF_8);
        browser.find("#oe-import-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(may.toString());
        List<String> statuses = new ArrayList<>();
        List<Double> bar = new ArrayList<>();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(50)).until(d -> {
            statuses.add(browser.find("#oe-import-status").getText());
            String value = browser.find("#oe-import-progress").getDomProperty("value");
            bar.add(value == null ? 0 : Double.parseDouble(value));
            return browser.find("#oe-import-result").getText().contains("拒绝");
        });
        assertThat(statuses).as("counts while it ran").anyMatch(t -> t.matches("已读取 [\\d,]+ 行：接收 [\\d,]+ 条.*"));
        assertThat(bar).as("the progress bar's value while it ran").anyMatch(v -> v > 0 && v < 1);
        assertThat(browser.find("#oe-import-result").getText()).isEqualTo("接收 120,000 条，重复 0 条，拒绝 300 条");
        assertThat(browser.find("#oe-import-problems").getText()).contains("第 402 行", "没有车道 L9", "另有 280 行未列出");
        assertThat(browser.find("#oe-import-progress").isDisplayed()).isFalse();
        browser.screenshot("overload-import-large");
        main.logout();

        // Zhuji did not enable the module: no entries, and its addresses lead nowhere
        login.open().logIn(ZHUJI, "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(main.menu()).doesNotContainAnyElementsOf(MENU);
        for (String page : List.of("sites", "cases", "dashboard", "imports", "rules")) {
            browser.open(PAGES + page);
            assertThat(browser.find("#not-found").getText()).as(page).contains("不存在");
            assertThat(browser.exists("#oe-" + page)).isFalse();
        }
        browser.open(casePath);
        assertThat(browser.find("#not-found").getText()).contains("不存在");
        assertThat(browser.driver().getPageSource()).doesNotContain("浙D10004");
        browser.screenshot("overload-zhuji-not-found");
        main.logout();
        expectedConsoleErrors();
    }

    @Test
    @Order(3)
    void theLimitsAreShownAndTheAdministratorSetsTheTolerance() {
        login.open().logIn(SHAOXING, "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(browser.find("#tile-module-overload-enforcement-open-cases").getText()).as("the home card")
                .contains("待处理治超案件").contains("件");
        browser.open(PAGES + "rules");
        browser.waitForText("#oe-limits", "46,000 kg");
        assertThat(browser.find("#oe-limits").getText()).contains("二轴货车", "18,000 kg", "牵引车驱动轴为单轴");
        assertThat(browser.find("#oe-limits-source").getText()).contains("超限运输车辆行驶公路管理规定(2016)第三条");
        type("#oe-tolerance", "25");
        browser.find("#oe-settings-save").click();
        browser.waitForText("#oe-settings-error", "0 至 20");
        type("#oe-tolerance", "3");
        browser.find("#oe-settings-save").click();
        browser.waitForVaadin();
        assertThat(browser.find("#oe-settings-error").getText()).isEmpty();
        assertThat(new java.math.BigDecimal(shaoxing.get(BASE + "/settings").body().get("tolerancePercent").toString()))
                .isEqualByComparingTo("3");
        browser.screenshot("overload-rules");
        main.logout();
    }

    @Test
    @Order(2)
    void theCaseWorkbookHasAChineseHeaderAndOneRowPerCase() throws IOException {
        long site = ((Number) shaoxing.post(BASE + "/sites", Map.of("code", "PT7", "name", "104国道柯桥", "road", "G104",
                "roadClass", "ORDINARY", "commissionedOn", "2020-05-10")).body().get("id")).longValue();
        shaoxing.post(BASE + "/sites/" + site + "/lanes", Map.of("code", "L1"));
        String csv = """
                记录编号,站点,车道,过车时间,车牌,轴数,车型,总重
                X1,PT7,L1,2020-07-01 09:00:00,浙D20001,2,货车,25000
                X2,PT7,L1,2020-07-01 10:00:00,浙D20002,6,汽车列车,101000
                X3,PT7,L1,2020-07-02 10:00:00,浙D20003,2,货车,17000
                """;
        assertThat(shaoxing.upload(BASE + "/imports/passes", "july.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .body()).containsEntry("accepted", 3);
        int cases = ((List<?>) shaoxing.getAny(BASE + "/cases?limit=1000").body()).size();
        assertThat(cases).isGreaterThanOrEqualTo(2);

        HttpResponse<byte[]> all = xlsx("");
        assertThat(all.getContentType().map(Object::toString).orElse("")).contains("spreadsheetml.sheet");
        assertThat(all.header("Content-Disposition")).contains("attachment").contains(".xlsx");
        List<List<String>> rows = rows(all.body());
        assertThat(rows.get(0)).containsExactlyElementsOf(CaseExport.HEADERS);
        assertThat(rows.get(0)).startsWith("案件编号", "状态", "车牌号").contains("罚款(元)", "超限100%以上", "百吨王");
        assertThat(rows).hasSize(1 + cases);
        List<String> hundred = rows.stream().filter(r -> r.contains("浙D20002")).findFirst().orElseThrow();
        assertThat(hundred).contains("已发现", "PT7", "L1", "6", "101000", "49000", "52000", "26000");
        assertThat(hundred.get(CaseExport.HEADERS.indexOf("百吨王"))).isEqualTo("是");
        assertThat(hundred.get(CaseExport.HEADERS.indexOf("超限100%以上"))).isEqualTo("是");

        int detected = ((List<?>) shaoxing.getAny(BASE + "/cases?status=DETECTED&limit=1000").body()).size();
        assertThat(rows(xlsx("?status=DETECTED").body())).hasSize(1 + detected);
        assertThat(statusOf(() -> xlsx("?status=SOMETHING"))).isEqualTo(400);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<byte[]> xlsx(String query) {
        return client.toBlocking().exchange(HttpRequest.GET(BASE + "/cases.xlsx" + query).bearerAuth(shaoxing.token()),
                byte[].class);
    }

    private static int statusOf(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** Every row of the workbook's first sheet as text (numbers without decimals when whole). */
    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("治超案件");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(switch (cell.getCellType()) {
                    case NUMERIC -> {
                        double d = cell.getNumericCellValue();
                        yield d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
                    }
                    default -> cell.getStringCellValue();
                }));
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Downloads what the cases page's export link serves, in the browser's session. */
    private List<List<String>> exportedRows() throws Exception {
        WebElement link = browser.find("#oe-cases-export");
        String href = link.getDomProperty("href");
        assertThat(link.getText()).contains("导出 Excel");
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : browser.driver().manage().getCookies()) {
            cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        }
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies.toString()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return rows(r.body());
    }

    private void type(String css, String text) {
        WebElement input = browser.find(css + " input");
        replace(input, text);
    }

    private void replace(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(Keys.BACK_SPACE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }

    /** Picks the radio button labelled {@code label} in a group. */
    private void choose(String group, String label) {
        browser.find(group);
        WebElement option = browser.driver().findElements(By.cssSelector(group + " vaadin-radio-button")).stream()
                .filter(e -> e.getText().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label + " in " + group));
        option.findElement(By.cssSelector("input")).click();
        browser.waitForVaadin();
    }

    /** A grid's cell showing exactly {@code text}. */
    private WebElement cell(String grid, String text) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector(grid + " vaadin-grid-cell-content")).stream()
                        .filter(e -> e.getText().strip().equals(text)).findFirst().orElse(null));
    }

    /** The cells of the daily table's row for {@code date}. */
    private List<String> dailyRow(String date) {
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("#oe-daily vaadin-grid-cell-content"));
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).getText().strip().equals(date)) {
                return cells.subList(i, Math.min(i + 4, cells.size())).stream().map(e -> e.getText().strip()).toList();
            }
        }
        throw new AssertionError("no row for " + date);
    }
}
