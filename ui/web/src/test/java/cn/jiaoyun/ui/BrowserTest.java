package cn.jiaoyun.ui;

import cn.jiaoyun.ui.pages.Browser;
import cn.jiaoyun.ui.pages.LoginPage;
import cn.jiaoyun.ui.pages.MainPage;
import cn.jiaoyun.ui.server.VaadinJettyServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test shares: one headless Chromium per test class on the server's UI, the
 * login and main page objects, and a console that must stay free of errors after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    @Inject
    VaadinJettyServer ui;

    Browser browser;
    LoginPage login;
    MainPage main;

    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://localhost:" + ui.port());
        login = new LoginPage(browser);
        main = new MainPage(browser);
    }

    @AfterEach
    void consoleStaysClean() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }
}
