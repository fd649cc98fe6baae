package cn.jiaoyun.ui.pages;

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
        browser.waitForVaadin();
        bureau.sendKeys(Keys.ARROW_DOWN);
        bureau.sendKeys(Keys.ENTER);
        bureau.sendKeys(Keys.TAB);
        WebElement user = browser.find("#username input");
        user.sendKeys(username);
        user.sendKeys(Keys.TAB);
        WebElement pass = browser.find("#password input");
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
    }

    public String error() {
        return browser.find("#login-error").getText();
    }
}
