/**
 * Browser tests of the web UI, for the UI's own tests and plugin modules' integration tests:
 * {@link cn.jiaoyun.test.browser.BrowserTest} drives Debian's headless Chromium through its
 * chromedriver ({@link cn.jiaoyun.test.browser.Browser}) with page objects for the login page and
 * the main layout. Screenshots go to the system property {@code jiaoyun.ui.screenshots}, else to
 * {@code target/screenshots} of the module whose tests run.
 */
package cn.jiaoyun.test.browser;
