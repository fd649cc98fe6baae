package cn.jiaoyun.ui;

import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.browser.BrowserTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The web UI in a real headless Chromium: every role of two bureaus, isolation, administration. */
@JiaoyunTest
class WebUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final Map<String, String> BUREAUS = Map.of(
            "shaoxing", "绍兴市交通运输局", "zhuji", "诸暨市交通运输局");
    private static final String PLATFORM_CHOICE = "平台账号（不属于任何交通运输局）";

    @Inject
    BureauService bureaus;

    @Test
    void everyRoleOfTwoBureausSeesItsOwnBureauAndItsMenu() {
        for (var bureau : BUREAUS.entrySet()) {
            for (String role : List.of("admin", "supervisor", "reporter", "viewer")) {
                login.open().logIn(bureau.getValue(), role, PASSWORD);
                login.expectLoggedIn();
                assertThat(main.bureauName()).as(role + "@" + bureau.getKey()).isEqualTo(bureau.getValue());
                List<String> menu = main.menu();
                if (role.equals("admin")) {
                    assertThat(menu).containsExactly("menu-home", "menu-worklists", "menu-figures", "menu-scorecards",
                            "menu-key-projects", "menu-organisation", "menu-users", "menu-audit",
                            "menu-bureau-modules");
                    assertThat(main.userName()).contains("本局管理员");
                } else {
                    assertThat(menu).as(role).containsExactly("menu-home", "menu-worklists", "menu-figures", "menu-scorecards",
                            "menu-key-projects");
                }
                assertThat(browser.find("#home-title").getText()).isEqualTo(bureau.getValue());
                assertThat(browser.find("#tile-units").getText()).doesNotContain(
                        bureau.getKey().equals("shaoxing") ? "诸暨" : "绍兴");
                assertThat(browser.driver().getTitle()).contains("交运");
                if (bureau.getKey().equals("shaoxing") && role.equals("admin")) {
                    assertThat(browser.find("#tile-units").getText()).contains("市交通运输综合行政执法队", "4");
                    browser.screenshot("home");
                }
                main.logout();
            }
        }
    }

    @Test
    void anotherBureausObjectReadsAsNotFoundAndForeignPagesAreRefused() {
        Unit zhujiUnit = bureaus.units("zhuji").get(0);
        Unit shaoxingUnit = bureaus.units("shaoxing").get(0);
        login.open().logIn(BUREAUS.get("shaoxing"), "viewer", PASSWORD);
        main.bureauName();

        browser.open("/units/" + zhujiUnit.id());
        assertThat(browser.find("#not-found").getText()).contains("未找到");
        assertThat(browser.driver().getPageSource()).doesNotContain(zhujiUnit.name());

        browser.open("/units/" + shaoxingUnit.id());
        assertThat(browser.find("#unit-name").getText()).isEqualTo(shaoxingUnit.name());

        browser.open("/admin/users");
        assertThat(browser.find("#forbidden").getText()).contains("无权");
        assertThat(browser.exists("#users")).isFalse();
        main.logout();
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToLogin() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/users");
        browser.find("#login");
        assertThat(browser.exists("#users")).isFalse();
    }

    @Test
    void enterInTheBureauChooserPicksABureauAndDoesNotSubmit() {
        login.open();
        org.openqa.selenium.WebElement bureau = browser.find("#bureau input");
        bureau.click();
        bureau.sendKeys("诸暨");
        browser.waitForVaadin();
        bureau.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN, org.openqa.selenium.Keys.ENTER);
        browser.waitForVaadin();
        assertThat(browser.find("#login-error").getText()).as("no premature submission").isEmpty();
    }

    @Test
    void aWrongPasswordShowsAClearError() {
        login.open();
        browser.screenshot("login");
        login.logIn(BUREAUS.get("zhuji"), "viewer", "wrong-password");
        browser.waitForText("#login-error", "用户名或密码错误");
        assertThat(browser.exists("#bureau-name")).isFalse();
    }

    @Test
    void aBureauAdministratorCreatesAUserWhoThenLogsIn() {
        login.open().logIn(BUREAUS.get("zhuji"), "admin", PASSWORD);
        main.bureauName();
        browser.open("/admin/users");
        browser.find("#users");
        browser.find("#new-user").click();
        browser.find("#user-username input").sendKeys("xiaowang");
        browser.find("#user-display-name input").sendKeys("小王");
        browser.find("#user-password input").sendKeys("xiaowang-2026");
        WebElement reporter = browser.driver().findElements(By.cssSelector("#user-roles vaadin-checkbox")).stream()
                .filter(c -> c.getText().contains("填报员")).findFirst().orElseThrow();
        reporter.click();
        browser.find("#save-user").click();
        browser.waitForVaadin();
        browser.waitForText("#users", "xiaowang");
        browser.screenshot("admin-users");

        browser.open("/admin/audit");
        browser.waitForText("#audit", "创建用户");
        main.logout();

        login.open().logIn(BUREAUS.get("zhuji"), "xiaowang", "xiaowang-2026");
        assertThat(main.bureauName()).isEqualTo("诸暨市交通运输局");
        assertThat(main.userName()).contains("小王", "填报员");
        main.logout();
    }

    @Test
    void aPlatformAdministratorManagesBureausAndSeesNoBureauData() {
        login.open().logIn(PLATFORM_CHOICE, "platform", PASSWORD);
        browser.waitForText("#bureaus", "绍兴市交通运输局");
        assertThat(main.menu()).containsExactly("menu-bureaus", "menu-platform-modules");
        browser.screenshot("platform-bureaus");

        browser.find("#new-bureau").click();
        browser.find("#bureau-code input").sendKeys("tiantai");
        browser.find("#bureau-name-field input").sendKeys("天台县交通运输局");
        browser.find("#bureau-level").click();
        browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.getText().equals("县")).findFirst().orElseThrow().click();
        browser.find("#bureau-region input").sendKeys("331023");
        browser.find("#bureau-parent-region input").sendKeys("331000");
        browser.find("#bureau-parent-name input").sendKeys("台州市");
        browser.find("#bureau-admin-username input").sendKeys("chief");
        browser.find("#bureau-admin-name input").sendKeys("天台管理员");
        browser.find("#bureau-admin-password input").sendKeys("tiantai-2026");
        browser.find("#save-bureau").click();
        browser.waitForText("#bureaus", "天台县交通运输局");

        browser.open("/");
        browser.find("#bureaus");
        browser.open("/units/" + bureaus.units("shaoxing").get(0).id());
        assertThat(browser.find("#forbidden").getText()).contains("无权");
        browser.open("/admin/users");
        assertThat(browser.exists("#users")).isFalse();
        main.logout();

        login.open().logIn("天台县交通运输局", "chief", "tiantai-2026");
        assertThat(main.bureauName()).isEqualTo("天台县交通运输局");
        assertThat(main.menu()).contains("menu-users");
        main.logout();
    }

    @Test
    void theLoginPageLocksAnAccountAfterFiveFailuresAsTheApiDoes() {
        // an account no other test of this class logs in with: the lock would outlast the test
        for (int i = 0; i < 5; i++) {
            login.open().logIn("浏阳市交通运输局", "reporter", "wrong-" + i);
            browser.waitForText("#login-error", "用户名或密码错误");
        }
        login.open().logIn("浏阳市交通运输局", "reporter", PASSWORD);
        browser.waitForText("#login-error", "锁定");
        assertThat(browser.exists("#bureau-name")).isFalse();
    }

    @Test
    void theMenuWorksWithTheKeyboardAlone() {
        login.open().logIn(BUREAUS.get("shaoxing"), "admin", PASSWORD);
        main.bureauName();
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            reached = "menu-users".equals(browser.script("return document.activeElement && document.activeElement.id"));
        }
        assertThat(reached).as("the users entry is reachable with Tab").isTrue();
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.find("#users");
        assertThat(browser.driver().getTitle()).isEqualTo("用户管理 · 交运");
        main.logout();
    }

    @Test
    void englishIsOneSwitchAway() {
        login.open();
        assertThat(browser.find("#login").getText()).isEqualTo("登录");
        browser.find("#language").click();
        browser.waitForText("#login", "Log in");
        browser.find("#language").click();
        browser.waitForText("#login", "登录");
    }
}
