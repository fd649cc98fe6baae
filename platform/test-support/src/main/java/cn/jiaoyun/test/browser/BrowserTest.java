package cn.jiaoyun.test.browser;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.InvocationTargetException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test shares, in the web UI's own tests and in plugin modules' integration
 * tests alike: one headless Chromium per test class on the server's UI, the login and main page
 * objects, and a console that must stay free of errors after each test. Subclasses are
 * {@code @JiaoyunTest}s; screenshots go to {@code jiaoyun.ui.screenshots}, else the calling
 * module's {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    /**
     * The web UI's server bean. Test support depends on no product module, so it is found by name
     * in the test's application context and asked for its {@code port()}.
     */
    static final String UI_SERVER = "cn.jiaoyun.ui.server.VaadinJettyServer";

    @Inject
    protected ApplicationContext application;

    protected Browser browser;
    protected LoginPage login;
    protected MainPage main;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(baseUrl());
        login = new LoginPage(browser);
        main = new MainPage(browser);
    }

    @AfterEach
    void consoleStaysClean() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The port the server's web UI answers on. */
    protected int uiPort() {
        try {
            Class<?> type = Class.forName(UI_SERVER, true, getClass().getClassLoader());
            Object server = application.getBean(type);
            int port = (int) type.getMethod("port").invoke(server);
            if (port <= 0) {
                throw new IllegalStateException("The web UI has not started (port " + port + ")");
            }
            return port;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Browser tests need the web UI (jiaoyun-ui) on the test class path", e);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(UI_SERVER + " no longer has a public port()", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the web UI's port", e.getCause());
        }
    }

    /** The web UI's address, e.g. {@code http://localhost:41234}. */
    protected String baseUrl() {
        return "http://localhost:" + uiPort();
    }

    /**
     * Error pages answer 404 or 503 on a full page load; the browser logs those. Asserts that
     * nothing else was logged since the last check.
     */
    protected void expectedConsoleErrors() {
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("404") || e.contains("503"), "only expected statuses");
    }
}
