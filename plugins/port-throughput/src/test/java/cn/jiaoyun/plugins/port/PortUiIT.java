package cn.jiaoyun.plugins.port;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static cn.jiaoyun.plugins.port.PortApi.BASE;
import static cn.jiaoyun.plugins.port.PortApi.importCsv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's pages in a real browser, through the jar Maven built: Shaoxing (which enabled it)
 * reads the month's figures with year-to-date and year-on-year on 港口统计 and uploads a file with
 * a bad line on 月度统计填报, which names the line and does not import; Liuyang, which did not
 * enable the module, has no menu entry and gets the not-found page at its address.
 */
@JiaoyunTest
class PortUiIT extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;

    @Inject
    @Client("/")
    HttpClient client;
    ApiSession platform;

    @BeforeAll
    void installForShaoxing() throws Exception {
        platform = ApiSession.login(client, null, "platform", PASSWORD);
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("jiaoyun.plugin.jar")));
        assertThat(platform.upload("/api/admin/plugins", "port-throughput.jar", jar, Map.of()).code()).isEqualTo(201);
        ApiSession shaoxing = ApiSession.demo(client, "shaoxing", "admin");
        assertThat(shaoxing.put("/api/tenants/shaoxing/modules/port-throughput", Map.of()).code()).isEqualTo(200);
        Object port = shaoxing.post(BASE + "/ports", Map.of("name", "绍兴港")).body().get("id");
        shaoxing.post(BASE + "/ports/" + port + "/areas", Map.of("name", "柯桥港区"));
        importCsv(shaoxing, "monthly-statistics", """
                月份,港口,作业区,货类,方向,吞吐量(万吨),集装箱(TEU),来源
                2022-01,绍兴港,柯桥港区,矿建材料,进港,16,,合成演示数据
                2022-02,绍兴港,柯桥港区,矿建材料,进港,12,,合成演示数据
                2023-01,绍兴港,柯桥港区,矿建材料,进港,18.5,,合成演示数据
                2023-01,绍兴港,柯桥港区,集装箱,出港,2.7,2000,合成演示数据
                2023-02,绍兴港,柯桥港区,矿建材料,进港,13.2,,合成演示数据
                """);
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/port-throughput?purge=true");
    }

    @Test
    void shaoxingReadsItsFiguresAndSeesTheBadLineOfAnUpload() throws Exception {
        login.open().logIn("绍兴市交通运输局", "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(main.menu()).contains("menu-module-port-throughput-overview", "menu-module-port-throughput-ports",
                "menu-module-port-throughput-statistics", "menu-module-port-throughput-projects");
        browser.find("#menu-module-port-throughput-overview").click();
        browser.waitForText("#pt-summary", "港口货物吞吐量");
        assertThat(browser.find("#pt-month").getText()).contains("2023年2月");
        String summary = browser.find("#pt-summary").getText();
        // February: 13.20 against 12.00 (+10.0%); January to February 34.40 against 28.00 (+22.9%)
        assertThat(summary).contains("13.20", "12.00", "+10.0%", "34.40", "28.00", "+22.9%", "集装箱吞吐量", "2,000", "矿建材料");
        assertThat(browser.find("#pt-sources").getText()).contains("合成演示数据");
        assertThat(browser.find("#pt-summary-notes").getText()).contains("水路货运量", "未填报");
        browser.screenshot("port-overview");

        browser.find("#menu-module-port-throughput-statistics").click();
        browser.find("#pt-month-rows");
        Path bad = Files.createTempFile("monthly-statistics-", ".csv");
        Files.writeString(bad, """
                月份,港口,作业区,货类,方向,吞吐量(万吨),集装箱(TEU),来源
                2023-03,绍兴港,柯桥港区,矿建材料,进港,15,,测试
                2023-03,绍兴港,滨海港区,水泥,进港,1,,测试
                """, StandardCharsets.UTF_8);
        browser.find("#pt-import-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(bad.toString());
        browser.waitForText("#pt-import-result", "未导入任何数据");
        assertThat(browser.find("#pt-import-problems").getText()).contains("第 3 行", "作业区", "没有作业区“滨海港区”");
        browser.screenshot("port-statistics-import");
        main.logout();
    }

    @Test
    void liuyangWhichDidNotEnableItHasNeitherTheMenuEntryNorThePage() {
        login.open().logIn("浏阳市交通运输局", "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(main.menu()).doesNotContain("menu-module-port-throughput-overview");
        browser.open("/modules/port-throughput/overview");
        assertThat(browser.find("#not-found").getText()).contains("不存在");
        expectedConsoleErrors();
        browser.open("/");
        main.logout();
    }
}
