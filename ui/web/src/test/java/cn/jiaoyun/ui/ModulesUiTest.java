package cn.jiaoyun.ui;

import cn.jiaoyun.host.BureauModules;
import cn.jiaoyun.host.InstalledModule;
import cn.jiaoyun.host.PluginInstaller;
import cn.jiaoyun.host.PluginStore;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.browser.BrowserTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plugin modules in a real browser: a platform administrator uploads a module jar, a bureau's
 * administrator enables it, its page and card appear for that bureau only; a module that throws
 * in its page, its button or its card is marked failed while the platform keeps serving.
 */
@JiaoyunTest
// every fault takes the module out here; FaultThresholdTest (plugin-host) has the threshold
@Property(name = "jiaoyun.plugins.fault-threshold", value = "1")
class ModulesUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String SHAOXING = "绍兴市交通运输局";
    private static final String ZHUJI = "诸暨市交通运输局";
    private static final String PLATFORM = "平台账号（不属于任何交通运输局）";

    @Inject
    PluginInstaller installer;
    @Inject
    PluginStore store;
    @Inject
    BureauModules bureauModules;

    @Test
    void uploadedEnabledAndOpenedByOneBureauOnly() throws Exception {
        Path jar = DemoModules.board("1.0.0").build(Files.createTempDirectory("demo-board-"));

        // the platform administrator uploads the jar
        login.open().logIn(PLATFORM, "platform", PASSWORD);
        browser.find("#bureaus");
        assertThat(main.menu()).containsExactly("menu-bureaus", "menu-platform-modules");
        browser.find("#menu-platform-modules").click();
        browser.find("#modules-grid");
        browser.find("#module-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(jar.toString());
        browser.waitForText("#module-state-demo-board", "运行中");
        assertThat(browser.find("#module-message").getText()).isEmpty();
        assertThat(browser.find("#modules-grid").getText()).contains("demo-board", "1.0.0", "platform:platform");
        assertThat(browser.find("#module-sha-demo-board").getAttribute("title"))
                .isEqualTo(store.find("demo-board").orElseThrow().sha256());
        browser.screenshot("platform-modules");

        // the same jar again is an upgrade to the same version: refused with the host's reason
        browser.find("#module-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(jar.toString());
        browser.waitForText("#module-message", "不高于已安装的版本");
        // the platform administrator never opens a module's page
        browser.open("/modules/demo-board/overview");
        assertThat(browser.find("#not-found").getText()).contains("不存在");
        main.logout();
        expectedConsoleErrors();

        // Shaoxing's administrator enables it: the menu entry appears and the page names Shaoxing
        login.open().logIn(SHAOXING, "admin", PASSWORD);
        assertThat(main.menu()).contains("menu-bureau-modules").doesNotContain("menu-module-demo-board-overview");
        browser.find("#menu-bureau-modules").click();
        browser.find("#module-enable-demo-board").click();
        browser.waitForVaadin();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> main.menu().contains("menu-module-demo-board-overview"));
        assertThat(bureauModules.isEnabled("shaoxing", "demo-board")).isTrue();
        assertThat(browser.find("#menu-module-demo-board-overview").getText()).contains("示范看板");
        browser.find("#menu-module-demo-board-overview").click();
        browser.waitForText("#demo-module-title", SHAOXING);
        assertThat(browser.find("#demo-module-user").getText()).contains("绍兴局系统管理员", "demo-board 1.0.0");
        assertThat(browser.currentPath()).isEqualTo("/modules/demo-board/overview");
        browser.screenshot("module-page");

        // its card on the home page, computed for Shaoxing
        browser.open("/");
        assertThat(browser.find("#tile-module-demo-board-lanes").getText()).contains("示范车道", "18 条", SHAOXING);
        noNotifications();
        var open = browser.find("#tile-module-demo-board-lanes a");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", open);
        browser.screenshot("home-module-card");
        open.click();
        browser.waitForText("#demo-module-title", SHAOXING);
        main.logout();

        // a static resource of the module's jar is served
        HttpResponse<String> css = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/demo-board/board.css")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("teal");

        // Zhuji did not enable it: no entry, and the address leads nowhere
        login.open().logIn(ZHUJI, "admin", PASSWORD);
        assertThat(main.menu()).doesNotContain("menu-module-demo-board-overview");
        assertThat(browser.exists("#tile-module-demo-board-lanes")).isFalse();
        browser.open("/modules/demo-board/overview");
        assertThat(browser.find("#not-found").getText()).contains("不存在");
        assertThat(browser.exists("#demo-module-title")).isFalse();
        main.logout();
        expectedConsoleErrors();

        // a newer jar of the same module upgrades it in place
        Path newer = DemoModules.board("1.1.0").build(Files.createTempDirectory("demo-board-"));
        login.open().logIn(PLATFORM, "platform", PASSWORD);
        browser.open("/platform/modules");
        browser.find("#module-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(newer.toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> "1.1.0".equals(store.find("demo-board").orElseThrow().version()));
        browser.waitForText("#modules-grid", "1.1.0");
        assertThat(browser.find("#module-state-demo-board").getText()).isEqualTo("运行中");
        assertThat(browser.find("#module-bureaus-demo-board").getText()).isEqualTo(SHAOXING);
        main.logout();

        // a Shaoxing member without the administrator's role uses it as well (no roles named): the new version
        login.open().logIn(SHAOXING, "viewer", PASSWORD);
        assertThat(main.menu()).contains("menu-module-demo-board-overview").doesNotContain("menu-bureau-modules");
        browser.open("/modules/demo-board/overview");
        browser.waitForText("#demo-module-title", SHAOXING);
        assertThat(browser.find("#demo-module-user").getText()).contains("绍兴局领导", "demo-board 1.1.0");
        main.logout();
    }

    @Test
    void aModuleThatThrowsIsMarkedFailedAndThePlatformKeepsServing() {
        for (var module : List.of(DemoModules.brokenView(), DemoModules.fragile(), DemoModules.badCard())) {
            byte[] bytes = module.buildBytes();
            InstalledModule m = installer.install("module.jar", bytes, "platform:platform");
            bureauModules.enable("shaoxing", m.id(), "admin");
        }

        login.open().logIn(SHAOXING, "admin", PASSWORD);
        assertThat(main.menu()).contains("menu-module-broken-view-page", "menu-module-fragile-page");
        // the home page after login: a card that throws is unavailable, the rest of the page is there
        assertThat(browser.find("#tile-module-bad-card-figure").getText()).contains("坏卡片", "暂不可用");
        assertThat(browser.find("#tile-units").getText()).contains("市交通运输综合行政执法队");
        awaitState("bad-card", InstalledModule.State.FAILED);

        // a page whose constructor throws: a clear message, the module failed with the reason
        browser.find("#menu-module-broken-view-page").click();
        browser.waitForText("#module-error", "出错");
        assertThat(browser.find("#module-error").getText()).contains("broken-view", "故障");
        assertThat(browser.find("#module-incident").getText()).as("the incident's id, not its details")
                .contains("事故编号").doesNotContain("示范：页面构造失败");
        awaitState("broken-view", InstalledModule.State.FAILED);
        assertThat(store.find("broken-view").orElseThrow().failureReason()).contains("示范：页面构造失败");

        // the home page still works; the failed module's entry and card are gone
        browser.open("/");
        assertThat(browser.find("#tile-units").getText()).contains("市交通运输综合行政执法队");
        assertThat(browser.exists("#tile-module-bad-card-figure")).isFalse();
        assertThat(main.menu()).as("a failed module's entry is gone").doesNotContain("menu-module-broken-view-page");

        // a button whose listener throws: a notice, the module failed, the platform still serves
        browser.find("#menu-module-fragile-page").click();
        browser.find("#demo-boom").click();
        browser.waitForText("#module-failure", "故障");
        awaitState("fragile", InstalledModule.State.FAILED);
        assertThat(store.find("fragile").orElseThrow().failureReason()).contains("示范：按钮处理失败");
        browser.find("#menu-worklists").click();
        browser.find("#worklists");
        main.logout();
        expectedConsoleErrors();

        // the platform administrator reads the reasons and restarts one
        login.open().logIn(PLATFORM, "platform", PASSWORD);
        browser.open("/platform/modules");
        browser.waitForText("#module-state-broken-view", "故障");
        assertThat(browser.find("#module-reason-broken-view").getText()).contains("示范：页面构造失败");
        assertThat(browser.exists("[id^='module-incident-broken-view-']")).as("the incident on the module page")
                .isTrue();
        assertThat(browser.find("#module-state-fragile").getText()).isEqualTo("故障");
        assertThat(browser.find("#module-bureaus-fragile").getText()).contains(SHAOXING);
        browser.screenshot("platform-modules-failed");
        browser.find("#module-restart-fragile").click();
        browser.waitForText("#module-state-fragile", "运行中");
        assertThat(browser.exists("#module-restart-fragile")).isFalse();
        main.logout();

        // restarted: the same route serves the module's new classes
        login.open().logIn(SHAOXING, "reporter", PASSWORD);
        browser.open("/modules/fragile/page");
        browser.waitForText("#fragile-title", "易碎页面");
        assertThat(main.menu()).contains("menu-module-fragile-page").doesNotContain("menu-module-broken-view-page");
        main.logout();

        // uninstalling with purge, from the page
        login.open().logIn(PLATFORM, "platform", PASSWORD);
        browser.open("/platform/modules");
        browser.find("#module-remove-fragile").click();
        browser.find("#module-purge").click();
        browser.find("#module-remove-confirm").click();
        browser.waitForVaadin();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !browser.find("#modules-grid").getText().contains("fragile"));
        assertThat(store.find("fragile")).isEmpty();
        main.logout();
    }

    /** Waits until no notification covers the page. */
    private void noNotifications() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).isEmpty());
    }

    private void awaitState(String id, InstalledModule.State state) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> store.find(id).map(m -> m.state() == state).orElse(false));
    }
}
