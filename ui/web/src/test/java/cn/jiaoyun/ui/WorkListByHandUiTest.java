package cn.jiaoyun.ui;

import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.Browser;
import cn.jiaoyun.test.browser.BrowserTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shaoxing's administrator builds a work list by hand for a year that has none: the list, two
 * items whose targets are read from the typed text, a wrong figure shown on its field, the order
 * changed, the total against the expected 100 points, a change of a reported item confirmed, and
 * the year copied to the next.
 */
@JiaoyunTest
class WorkListByHandUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String SHAOXING = "绍兴市交通运输局";
    private static final String ENFORCEMENT = "市交通运输综合行政执法队";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anAdministratorBuildsAListByHandAndCopiesTheYear() {
        login.open().logIn(SHAOXING, "admin", PASSWORD);
        ListPages page = new ListPages(browser);
        browser.open("/worklists");
        page.fields.type("#year", "2071");
        assertThat(page.fields.gridRows("#worklists")).isEmpty();

        page.fields.click("#new-list");
        browser.find("#list-title");
        assertThat(page.value("#list-title")).isEqualTo("2071年重点工作清单");
        assertThat(page.value("#list-expected")).isEqualTo("100");
        page.fields.click("#list-save");
        assertThat(page.fieldError("#list-units")).as("no unit chosen").contains("至少选择一个单位");
        page.choose("#list-units", ENFORCEMENT);
        page.fields.click("#list-save");
        browser.waitForText("#worklist-total", "共 0 项，合计 0 分，本局要求 100 分，还差 100 分");
        assertThat(browser.find("#worklist-name").getText()).isEqualTo("2071年重点工作清单");

        page.fields.click("#add-item");
        page.fields.type("#item-title-field", "治超非现场执法");
        page.typeText("#item-content-field", "6月底前新增治超非现场执法车道18条。未按期上线的，每发现一次扣0.5分。");
        browser.waitForText("#item-read-targets", "治超非现场执法车道 ≥ 18条（6月底）");
        assertThat(browser.find("#item-read-rules").getText()).contains("每次扣 0.5 分");
        page.fields.type("#item-points", "-5");
        page.choose("#item-departments", "公路处");
        page.fields.click("#item-save");
        assertThat(page.fieldError("#item-points")).contains("不能为负数");
        page.fields.type("#item-points", "60");
        page.fields.click("#item-save");
        browser.waitForText("#worklist-total", "共 1 项，合计 60 分");

        page.fields.click("#add-item");
        page.fields.type("#item-title-field", "联合执法");
        page.typeText("#item-content-field", "全年开展治超联合执法行动12次。");
        browser.waitForText("#item-read-targets", "12次");
        page.fields.type("#item-points", "50");
        page.choose("#item-departments", "法规处");
        page.fields.click("#item-save");
        assertThat(page.fieldError("#item-points")).as("60 + 50 is more than the 100 expected")
                .contains("超过本局要求的 100 分");
        page.fields.type("#item-points", "40");
        page.fields.click("#item-save");
        browser.waitForText("#worklist-total", "共 2 项，合计 100 分，本局要求 100 分");
        browser.screenshot("worklist-by-hand");
        List<List<String>> rows = page.fields.gridRows("#items");
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("治超非现场执法", "联合执法");
        assertThat(rows).extracting(r -> r.get(4)).as("a target read from each text").containsExactly("1", "1");

        page.clickFirst("vaadin-button[id^='down-']");
        browser.waitForVaadin();
        assertThat(page.fields.gridRows("#items")).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("1 联合执法", "2 治超非现场执法");
        assertThat(browser.currentPath()).as("the row's buttons do not open the item").contains("worklists/");

        // a unit reports on the item: changing its points now asks first
        ApiSession admin = ApiSession.demo(client, "shaoxing", "admin");
        Map<String, Object> list = ListPages.list(admin.getAny("/api/worklists?year=2071").body()).get(0);
        Map<String, Object> lanes = ListPages.list(admin.get("/api/worklists/" + list.get("id")).body().get("items"))
                .stream().filter(i -> "治超非现场执法".equals(i.get("title"))).findFirst().orElseThrow();
        long unitId = ((Number) ((List<?>) list.get("unitIds")).get(0)).longValue();
        assertThat(admin.post("/api/items/" + lanes.get("id") + "/progress", Map.of("unitId", unitId,
                "period", "2071-03", "narrative", "已完成6条", "values", List.of())).code()).isEqualTo(200);
        page.fields.click("#edit-" + lanes.get("id"));
        page.fields.type("#item-points", "55");
        page.fields.click("#item-save");
        page.waitForConfirmation("#confirm-change", "1 份进度填报");
        page.clickButton("确认修改");
        browser.waitForText("#worklist-total", "合计 95 分，本局要求 100 分，还差 5 分");

        browser.open("/worklists");
        page.fields.type("#year", "2071");
        page.fields.click("#copy-year");
        assertThat(page.value("#copy-to")).isEqualTo("2072");
        page.fields.click("#copy-confirm");
        browser.waitForText("#worklists", "2071年重点工作清单");
        assertThat(page.value("#year")).isEqualTo("2072");
        assertThat(page.fields.gridRows("#worklists").get(0)).contains(ENFORCEMENT, "2", "95 / 100");

        page.fields.type("#year", "2071");
        page.fields.click("#copy-year");
        page.fields.click("#copy-confirm");
        assertThat(page.fieldError("#copy-to")).as("copied once already")
                .contains("2072年已有同类型、同单位、同名称的清单", "2071年重点工作清单（" + ENFORCEMENT + "）");
        browser.screenshot("worklist-copy-refused");
        page.clickButton("取消");
        main.logout();
    }

    /** The work list pages as the administrator uses them. */
    static final class ListPages {

        final Browser browser;
        final VaadinFields fields;

        ListPages(Browser browser) {
            this.browser = browser;
            this.fields = new VaadinFields(browser);
        }

        String value(String css) {
            return String.valueOf(fields.visible(css).getDomProperty("value"));
        }

        /** The error a field shows once the server refused what was typed. */
        String fieldError(String css) {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> browser.find(css).getDomAttribute("invalid") != null);
            return String.valueOf(browser.find(css).getDomProperty("errorMessage"));
        }

        void typeText(String css, String text) {
            WebElement area = fields.visible(css).findElement(By.cssSelector("textarea"));
            area.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            area.sendKeys(Keys.BACK_SPACE);
            area.sendKeys(text);
            area.sendKeys(Keys.TAB);
            browser.waitForVaadin();
        }

        /** Picks one item of a multi-select combo box by its label. */
        void choose(String css, String label) {
            WebElement input = fields.visible(css).findElement(By.cssSelector("input"));
            input.click();
            input.sendKeys(label);
            WebElement item = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                            .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
            item.click();
            input.sendKeys(Keys.TAB);
            browser.waitForVaadin();
        }

        /** Waits for a confirmation dialog saying {@code text}. */
        void waitForConfirmation(String css, String text) {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> String.valueOf(browser.script(
                    "const c = document.querySelector(arguments[0]); return c && c.opened ? c.message : '';", css))
                    .contains(text));
        }

        void clickFirst(String css) {
            WebElement button = browser.driver().findElements(By.cssSelector(css)).stream()
                    .filter(b -> b.getDomAttribute("disabled") == null).findFirst()
                    .orElseThrow(() -> new AssertionError("no enabled " + css));
            browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
            button.click();
            browser.waitForVaadin();
        }

        void clickButton(String text) {
            WebElement button = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("vaadin-button")).stream()
                            .filter(b -> b.isDisplayed() && text.equals(b.getText().strip())).findFirst().orElse(null));
            button.click();
            browser.waitForVaadin();
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> list(Object o) {
            return (List<Map<String, Object>>) o;
        }
    }
}
