package cn.jiaoyun.ui;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemSummary;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.core.assessment.WorkflowViews.TargetState;
import cn.jiaoyun.core.assessment.AssessmentWorkflow;
import cn.jiaoyun.core.bureau.BureauService;
import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.browser.BrowserTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The year's assessment in a real browser: import the lists, report, review, read the ranking. */
@JiaoyunTest
class AssessmentUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String SHAOXING = "绍兴市交通运输局";
    private static final String ENFORCEMENT = "市交通运输综合行政执法队";

    @Inject
    WorkListService worklists;
    @Inject
    AssessmentWorkflow workflow;
    @Inject
    BureauService bureaus;
    @Inject
    cn.jiaoyun.core.tenancy.TenantTransactions tx;

    @Test
    void importReportReviewAndRank() {
        // the administrator imports Shaoxing's 2020 lists through the page
        login.open().logIn(SHAOXING, "admin", PASSWORD);
        assertThat(main.menu()).contains("menu-worklists", "menu-scorecards");
        browser.open("/worklists");
        WebElement year = browser.find("#year input");
        year.clear();
        year.sendKeys("2020");
        year.sendKeys(org.openqa.selenium.Keys.TAB);
        browser.waitForVaadin();
        WebElement upload = browser.find("#import-upload");
        WebElement file = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        file.sendKeys(seed().toString());
        browser.waitForText("#import-summary", "53");
        assertThat(browser.find("#import-lists").getText()).contains(ENFORCEMENT + "：17 项，共 60 分");
        browser.screenshot("import-preview");
        browser.find("#import-commit").click();
        browser.waitForText("#worklists", ENFORCEMENT);
        browser.screenshot("worklists");
        main.logout();

        Unit enforcement = bureaus.units("shaoxing").stream().filter(u -> u.name().equals(ENFORCEMENT)).findFirst().orElseThrow();
        long lanesItem = itemId(ENFORCEMENT, "治超非现场执法示范区创建");
        TargetState lanes = workflow.progress("shaoxing", lanesItem, enforcement.id(), LocalDate.now()).targets().stream()
                .filter(t -> t.target().subject().contains("车道")).findFirst().orElseThrow();

        // the reporter of the enforcement brigade reports June
        login.open().logIn(SHAOXING, "reporter", PASSWORD);
        main.bureauName();
        browser.open("/items/" + lanesItem);
        assertThat(browser.driver().findElements(By.cssSelector("#item-content .jy-target"))).isNotEmpty();
        WebElement period = browser.find("#period input");
        period.clear();
        period.sendKeys("2020-06");
        browser.find("#actual-" + lanes.target().id() + " input").sendKeys("18");
        browser.find("#narrative textarea").sendKeys("18条车道全部建成");
        browser.find("#submit-progress").click();
        browser.waitForText("#status-" + lanes.target().id(), "已达成");
        browser.screenshot("item-progress");
        main.logout();

        // the planning department's supervisor scores 交通强市 of the enforcement brigade
        long strong = itemId(ENFORCEMENT, "交通强市");
        login.open().logIn(SHAOXING, "supervisor", PASSWORD);
        main.bureauName();
        assertThat(browser.find("#tile-reviews").getText()).as("the supervisor's queue on the dashboard")
                .contains("待评事项", ENFORCEMENT + " · 交通强市");
        browser.open("/items/" + strong);
        browser.find("#review-score input").sendKeys("3.5");
        browser.find("#review-comment input").sendKeys("按期推进");
        browser.find("#submit-review").click();
        browser.waitForVaadin();
        assertThat(browser.find("#item-error").getText()).isEmpty();
        main.logout();

        // leadership reads the ranking
        login.open().logIn(SHAOXING, "viewer", PASSWORD);
        main.bureauName();
        browser.open("/scorecards");
        browser.waitForText("#scorecards", ENFORCEMENT);
        assertThat(browser.find("#scorecards").getText()).contains("3.5");
        assertThat(browser.find("#export-xlsx").getAttribute("href")).isNotBlank();
        browser.screenshot("scorecards");
        browser.open("/");
        assertThat(browser.find("#tile-overdue").getText())
                .as("2020's 6月底 bus-partition target of the brigade, never reported")
                .contains("催办事项", ENFORCEMENT, "“国家公交都市”创建", "已逾期");
        main.logout();

        // the administrator feeds the brigade's penalty-rate target from an indicator of the catalog
        tx.withConnection("", false, c -> sql(c, """
                insert into indicator (code, name_zh, name_en, unit, aggregation, direction, published)
                values ('ui.penalty_rate', '非现场执法处罚率', 'Non-site penalty rate', '%', 'RATIO', 'HIGHER', true)"""));
        tx.withConnection("shaoxing", false, c -> sql(c, """
                insert into indicator_value (tenant_id, indicator_code, month, value, numerator, denominator, source)
                values ('shaoxing', 'ui.penalty_rate', date '2020-01-01', 70, 7, 10, 'test'),
                       ('shaoxing', 'ui.penalty_rate', date '2020-02-01', 80, 24, 30, 'test')"""));
        TargetState rate = workflow.progress("shaoxing", lanesItem, enforcement.id(), LocalDate.now()).targets().stream()
                .filter(t -> t.target().subject().contains("处罚率")).findFirst().orElseThrow();
        login.open().logIn(SHAOXING, "admin", PASSWORD);
        main.bureauName();
        browser.open("/items/" + lanesItem);
        WebElement choice = browser.find("#indicator-" + rate.target().id() + " input");
        choice.click();
        choice.sendKeys("非现场执法处罚率");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(e -> e.getText().startsWith("非现场执法处罚率")));
        choice.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        choice.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitForText("#live-" + rate.target().id(), "77.5%");
        browser.waitForText("#status-" + rate.target().id(), "已达成");
        browser.screenshot("item-indicator-fed");
        main.logout();
    }

    private static Object sql(java.sql.Connection c, String statement) {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
            return null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long itemId(String unitName, String title) {
        for (WorkListSummary l : worklists.lists("shaoxing", 2020)) {
            if (!l.units().contains(unitName) || l.kind().name().equals("ROUTINE")) {
                continue;
            }
            for (ItemSummary i : worklists.list("shaoxing", l.id()).items()) {
                if (i.title().equals(title)) {
                    return i.id();
                }
            }
        }
        throw new AssertionError("no item " + title);
    }

    private static Path seed() {
        return JiaoyunTestContextBuilder.repositoryRoot().resolve("tenants/shaoxing/demo/worklists-2020.txt");
    }
}
