package cn.jiaoyun.test.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** Any page inside the main layout: header and menu. */
public final class MainPage {

    private final Browser browser;

    public MainPage(Browser browser) {
        this.browser = browser;
    }

    public String bureauName() {
        return browser.find("#bureau-name").getText();
    }

    public String userName() {
        return browser.find("#user-name").getText();
    }

    /** The ids of the menu entries, e.g. "menu-home". */
    public List<String> menu() {
        browser.find("#main-menu");
        return browser.driver().findElements(By.cssSelector("#main-menu vaadin-side-nav-item")).stream()
                .map(e -> e.getAttribute("id")).toList();
    }

    public void logout() {
        WebElement logout = browser.find("#logout");
        logout.click();
        browser.find("#login");
    }
}
