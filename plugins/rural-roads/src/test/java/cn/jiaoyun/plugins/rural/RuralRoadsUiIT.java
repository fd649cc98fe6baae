package cn.jiaoyun.plugins.rural;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's pages in a real browser, through the jar Maven built. Zhuji enabled the module and
 * imported its 2023 demo statistics: the overview shows the year's 大中修 107 km; the statistics page
 * names the bad row of an upload and writes nothing, then takes the corrected file. Liuyang did not
 * enable the module: no menu entry and no page.
 */
@JiaoyunTest
class RuralRoadsUiIT extends BrowserTest {

    private static final String PAGES = "/modules/rural-roads/";
    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final List<String> MENU = List.of("menu-module-rural-roads-overview", "menu-module-rural-roads-projects",
            "menu-module-rural-roads-towns", "menu-module-rural-roads-facilities", "menu-module-rural-roads-inspections",
            "menu-module-rural-roads-statistics");

    @Inject
    @Client("/")
    HttpClient client;

    ApiSession platform;
    ApiSession zhuji;

    @BeforeAll
    void zhujiEnablesAndImportsItsDemoFigures() throws Exception {
        platform = RuralApi.install(client);
        zhuji = RuralApi.enabled(client, "zhuji");
        for (Path demo : RuralApi.demoFiles("zhuji")) {
            assertThat(RuralApi.problems(RuralApi.importDemo(zhuji, demo))).as(demo.toString()).isEmpty();
        }
        // Liuyang's tenant.yaml lists the module: its administrator switches it off
        ApiSession liuyang = ApiSession.demo(client, "liuyang", "admin");
        assertThat(liuyang.delete("/api/tenants/liuyang/modules/rural-roads").code()).isIn(204, 404);
        assertThat(liuyang.getAny(RuralApi.BASE + "/segments").code()).isEqualTo(404);
    }

    @AfterAll
    void purge() {
        platform.delete("/api/admin/plugins/rural-roads?purge=true");
    }

    @Test
    void zhujiSeesItsFiguresAndABadRowIsNamedWhileLiuyangHasNoPage() throws Exception {
        login.open().logIn("诸暨市交通运输局", "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(main.menu()).containsAll(MENU);
        assertThat(browser.find("#menu-module-rural-roads-overview").getText()).contains("四好农村路");
        assertThat(browser.find("#tile-module-rural-roads-km-repaired").getText()).as("the home card")
                .contains("农村公路大中修", "107 公里", "2023年");

        browser.find("#menu-module-rural-roads-overview").click();
        browser.waitForText("#rr-indicators", "农村公路大中修里程");
        assertThat(browser.find("#rr-overview-year").getText()).contains("2023年");
        String indicators = browser.find("#rr-indicators").getText();
        assertThat(indicators).contains("农村公路大中修里程", "107 公里", "新改建联网公路及断头路里程", "3 公里",
                "农村公路完成投资", "17,900 万元", "去年同期未填报");
        browser.waitForText("#rr-kinds", "大中修");
        assertThat(browser.find("#rr-kinds").getText()).contains("大中修", "2 / 3", "107", "危桥改造", "联网公路及断头路");
        assertThat(indicators).contains("农村公路优良路率", "84.8%", "县道优良路率", "100.0%");
        assertThat(browser.find("#rr-network-total").getText()).contains("路网总里程 65 公里", "县道 40.8", "等外公路 4.3 公里");
        browser.screenshot("rural-overview");

        browser.find("#menu-module-rural-roads-towns").click();
        browser.waitForText("#rr-towns", "大唐街道");
        assertThat(browser.find("#rr-towns").getText()).contains("浣东街道", "东和乡", "申报市级", "0 / 3");
        assertThat(browser.find("#rr-checklist-title").getText()).contains("创建标准核查");
        var save = browser.find("#rr-check-save");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", save);
        save.click();
        browser.waitForText("#rr-check-error", "请先选择创建标准");
        browser.screenshot("rural-towns");

        browser.find("#menu-module-rural-roads-statistics").click();
        browser.find("#rr-import-upload");
        Path bad = Files.createTempFile("rural-", ".csv");
        Files.writeString(bad, RuralApi.HEADER + """
                2023-12,,浏览器测试项目,大中修,店口镇,1,10,,,,,合成演示数据
                2023-12,,浏览器测试项目二,修路,店口镇,1,10,,,,,合成演示数据
                """, StandardCharsets.UTF_8);
        assertThat(browser.find("#rr-import-help").getText()).contains("当月完成里程（公里）（必填）");
        upload(bad);
        browser.waitForText("#rr-import-result", "未写入任何数据");
        assertThat(browser.find("#rr-import-problems").getText()).contains("第 3 行", "项目类型", "“修路”不是可选值");
        assertThat(zhuji.getAny(RuralApi.BASE + "/projects?year=2023").body().toString()).doesNotContain("浏览器测试项目");
        browser.screenshot("rural-import-bad-row");

        Path corrected = Files.createTempFile("rural-corrected-", ".csv");
        Files.writeString(corrected, Files.readString(bad).replace(",修路,", ",危桥改造,"), StandardCharsets.UTF_8);
        upload(corrected);
        browser.waitForText("#rr-import-result", "写入 2 行");
        assertThat(browser.find("#rr-import-problems").getText()).isEmpty();
        assertThat(zhuji.getAny(RuralApi.BASE + "/projects?year=2023").body().toString()).contains("浏览器测试项目二");
        assertThat(browser.find("#rr-export").getText()).contains("导出 Excel");
        main.logout();

        login.open().logIn("浏阳市交通运输局", "admin", PASSWORD);
        login.expectLoggedIn();
        assertThat(main.menu()).doesNotContainAnyElementsOf(MENU);
        for (String page : List.of("overview", "statistics")) {
            browser.open(PAGES + page);
            assertThat(browser.find("#not-found").getText()).as(page).contains("不存在");
            assertThat(browser.exists("#rr-indicators")).isFalse();
        }
        browser.screenshot("rural-liuyang-not-found");
        main.logout();
        expectedConsoleErrors();
    }

    private void upload(Path file) {
        browser.find("#rr-import-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toString());
    }
}
