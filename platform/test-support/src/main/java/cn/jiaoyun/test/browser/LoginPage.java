package cn.jiaoyun.test.browser;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The login page, as a person uses it: keyboard only. */
public final class LoginPage {

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
    }

    public LoginPage open() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.find("#login");
        return this;
    }

    /** Chooses the bureau by its Chinese name, types user and password, presses Enter. */
    public void logIn(String bureauName, String username, String password) {
        WebElement bureau = browser.find("#bureau input");
        bureau.click();
        bureau.sendKeys(bureauName);
        // keyboard only, but deterministic: move down until the wanted bureau is the focused entry
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20));
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(e -> bureauName.equals(e.getText())));
        for (int i = 0; i < 10 && !focused(bureauName); i++) {
            bureau.sendKeys(Keys.ARROW_DOWN);
        }
        bureau.sendKeys(Keys.ENTER);
        wait.until(d -> bureauName.equals(bureau.getAttribute("value")));
        bureau.sendKeys(Keys.TAB);
        WebElement user = browser.find("#username input");
        user.sendKeys(username);
        user.sendKeys(Keys.TAB);
        WebElement pass = browser.find("#password input");
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
    }

    private boolean focused(String text) {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("vaadin-combo-box-item[focused]")).stream()
                .anyMatch(e -> text.equals(e.getText()));
    }

    /** Waits for the home page after a login, or fails with the error the page shows. */
    public void expectLoggedIn() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d ->
                browser.exists("#bureau-name") || (browser.exists("#login-error") && !error().isEmpty()));
        if (!browser.exists("#bureau-name")) {
            throw new AssertionError("login failed: " + error());
        }
    }

    public String error() {
        return browser.find("#login-error").getText();
    }
}
