package cn.jiaoyun.ui;

import cn.jiaoyun.test.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Vaadin's fields as a person uses them, for the figures and comparison pages' tests. */
final class VaadinFields {

    private final Browser browser;

    VaadinFields(Browser browser) {
        this.browser = browser;
    }

    /** Scrolls an element to the middle of the window (the figures page is longer than the window) and returns it. */
    WebElement visible(String css) {
        WebElement e = browser.find(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", e);
        return e;
    }

    /** An element's text as shown once scrolled into view (Selenium reads no text outside the scrolled area). */
    String text(String css) {
        return visible(css).getText();
    }

    /** Clicks a button, scrolled into view first. */
    void click(String css) {
        visible(css).click();
        browser.waitForVaadin();
    }

    /** Replaces a text, number or integer field's value and leaves the field. */
    void type(String css, String text) {
        visible(css);
        WebElement input = browser.find(css + " input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(Keys.BACK_SPACE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }

    /** Opens a select and clicks the item labelled {@code label}. */
    void select(String css, String label) {
        visible(css).click();
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
                .filter(e -> e.isDisplayed() && label.equals(e.getText().strip())).findFirst().orElse(null));
        item.click();
        wait.until(d -> browser.find(css).getText().contains(label));
        browser.waitForVaadin();
    }

    /** Types into a combo box and picks the first item that starts with {@code label}. */
    void pick(String css, String label) {
        visible(css);
        WebElement input = browser.find(css + " input");
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(label);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(e -> e.getText().startsWith(label)));
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }

    /** Clicks the radio button labelled {@code label} of a group. */
    void choose(String group, String label) {
        browser.find(group);
        WebElement option = browser.driver().findElements(By.cssSelector(group + " vaadin-radio-button")).stream()
                .filter(e -> e.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label + " in " + group));
        option.findElement(By.cssSelector("input")).click();
        browser.waitForVaadin();
    }

    /** The texts of a grid's body rows in their order on screen, each a list of its cells' texts. */
    @SuppressWarnings("unchecked")
    List<List<String>> gridRows(String css) {
        browser.find(css);
        return (List<List<String>>) browser.script("""
                const grid = document.querySelector(arguments[0]);
                const rows = [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index);
                return rows.map(r => [...r.querySelectorAll('td')].map(td => {
                    const slot = td.querySelector('slot');
                    const content = slot && slot.assignedElements()[0];
                    return content ? content.textContent.trim() : '';
                }));""", css);
    }

    /** Fetches what a download link serves, in the browser's session; asserts 200. */
    java.net.http.HttpResponse<byte[]> download(String css) throws Exception {
        String href = browser.find(css).getDomProperty("href");
        assertThat(href).as("download link of " + css).isNotBlank();
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : browser.driver().manage().getCookies()) {
            cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        }
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies.toString()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("status of " + href).isEqualTo(200);
        return r;
    }
}
