package cn.jiaoyun.ui;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Key projects in a real browser: the year's roll-up, a month entered on a project's page, the roll-up after it. */
@JiaoyunTest
class KeyProjectsUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String ZHUJI = "诸暨市交通运输局";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aReporterEntersAMonthAndTheRollUpFollows() {
        ApiSession admin = ApiSession.demo(client, "zhuji", "admin");
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("code", "UI-1");
        project.put("name", "浣东互通改扩建");
        project.put("category", "公路");
        project.put("startYear", 2022);
        project.put("finishYear", 2023);
        long id = ((Number) admin.post("/api/key-projects", project).body().get("id")).longValue();
        admin.put("/api/key-projects/" + id + "/plans/2023", Map.of("planned", 40000));
        admin.put("/api/key-projects/" + id + "/months/2023-01", Map.of("actual", 10000));

        login.open().logIn(ZHUJI, "reporter", PASSWORD);
        assertThat(main.menu()).contains("menu-key-projects");
        browser.open("/key-projects?year=2023&through=2");
        browser.waitForText("#kp-sentence", "重点项目共1只");
        assertThat(browser.find("#kp-sentence").getText()).contains("年度计划投资4亿元", "累计完成投资1亿元",
                "完成年度计划25.0%", "2月已有0/1只项目填报");
        assertThat(browser.find("#key-projects").getText()).contains("浣东互通改扩建", "公路", "4亿元");
        browser.screenshot("key-projects-before");

        assertThat(browser.find("#kp-link-UI-1").getAttribute("href")).endsWith("key-projects/" + id + "?year=2023");
        browser.open("/key-projects/" + id + "?year=2023");
        browser.waitForText("#kp-title", "浣东互通改扩建");
        assertThat(browser.exists("#save-plan")).as("reporters do not set plans").isFalse();
        WebElement month = browser.find("#entry-month input");
        month.clear();
        month.sendKeys("2023-02");
        browser.find("#entry-actual input").sendKeys("15000");
        browser.find("#entry-progress input").sendKeys("65");
        browser.find("#submit-month").click();
        browser.waitForText("#months", "1.5亿元");
        assertThat(browser.find("#kp-error").getText()).isEmpty();
        assertThat(browser.find("#kp-figures").getText()).contains("累计完成投资 2.5亿元", "65.0%");
        browser.screenshot("key-project-month");

        browser.open("/key-projects?year=2023&through=2");
        browser.waitForText("#kp-sentence", "累计完成投资2.5亿元");
        assertThat(browser.find("#kp-sentence").getText()).contains("完成年度计划62.5%", "2月已有1/1只项目填报");
        assertThat(browser.find("#tile-kp-actual").getText()).contains("2.5亿元");
        browser.screenshot("key-projects-after");

        main.logout();
    }
}
