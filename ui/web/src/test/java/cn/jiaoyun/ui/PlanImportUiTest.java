package cn.jiaoyun.ui;

import cn.jiaoyun.core.assessment.PlanService;
import cn.jiaoyun.core.assessment.PlanViews.PlanItemView;
import cn.jiaoyun.core.assessment.WorkListKind;
import cn.jiaoyun.core.assessment.WorkListService;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau administrator imports a narrative plan on the work lists page: the preview shows its
 * sections and tasks as a tree with their targets and the page furniture left out; the stored
 * plan shows the same tree with 不计分 items; the administrator names an item's owner and gives
 * it points, a wrong value being shown at the field.
 */
@JiaoyunTest
class PlanImportUiTest extends BrowserTest {

    private static final String LIUYANG = "浏阳市交通运输局";
    private static final String TITLE = "浏阳市交通运输局2017年工作要点（界面测试）";
    private static final String PLAN = """
            当前位置：首页 > 政务公开 > 规划计划
            发布日期：2017-02-10  浏览次数：56
            %s
            一、项目建设
            （一）国省干线改造。新建公路12公里。
            （二）农村公路提质。6月底前，完成农村公路改造30公里。
            二、安全生产
            1.较大以上事故起数为零。
            【打印本页】【关闭窗口】
            """.formatted(TITLE);

    @Inject
    WorkListService worklists;
    @Inject
    PlanService plans;

    @Test
    void importAPlanSeeItsHierarchyAndSetAnItemsOwnerAndPoints() throws Exception {
        Path dir = Files.createTempDirectory("plan-ui");
        Path file = Files.writeString(dir.resolve("liuyang-2017-plan.txt"), PLAN, StandardCharsets.UTF_8);

        login.open().logIn(LIUYANG, "admin", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        main.bureauName();
        browser.open("/worklists");
        browser.waitForVaadin();
        // whatever year the page shows, the plan's title says 2017
        WebElement upload = browser.find("#plan-upload");
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        browser.waitForText("#plan-preview-title", "共 5 个事项");
        assertThat(browser.find("#plan-preview-title").getText()).contains(TITLE, "2017 年度");
        String tree = browser.find("#plan-preview-items").getText();
        assertThat(tree).contains("一、 项目建设", "（一） 国省干线改造", "（二） 农村公路提质", "1. 较大以上事故起数为零",
                "公里");
        assertThat(levelOf("国省干线改造")).as("a task sits one level under its section").isEqualTo("1");
        assertThat(levelOf("项目建设")).isEqualTo("0");
        assertThat(browser.find("#plan-ignored").getText()).contains("当前位置：首页", "发布日期", "【打印本页】");
        browser.screenshot("plan-import-preview");
        browser.find("#plan-commit").click();

        browser.waitForText("#plan-title", TITLE);
        browser.waitForText("#plan-items", "国省干线改造");
        assertThat(browser.find("#plan-items").getText()).contains("一、 项目建设", "不计分", "未指定");
        assertThat(levelOf("较大以上事故起数为零")).isEqualTo("1");
        long listId = worklists.lists("liuyang", 2017).stream().filter(l -> l.kind() == WorkListKind.PLAN)
                .filter(l -> l.title().equals(TITLE)).findFirst().orElseThrow().id();
        assertThat(browser.currentPath()).isEqualTo("/plans/" + listId);

        // the administrator names the brigade as the owner of 国省干线改造 and gives it points
        cell("国省干线改造").click();
        browser.waitForVaadin();
        WebElement owner = browser.find("#plan-owner input");
        owner.click();
        owner.sendKeys("执法大队");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("vaadin-combo-box-item")).stream().anyMatch(e -> e.getText().contains("执法大队")));
        owner.sendKeys(Keys.ARROW_DOWN);
        owner.sendKeys(Keys.ENTER);
        WebElement points = browser.find("#plan-points input");
        points.sendKeys("-1");
        browser.find("#plan-item-save").click();
        browser.waitForVaadin();
        assertThat(browser.find("#plan-points").getAttribute("invalid")).as("the error is shown at the field")
                .isNotNull();
        assertThat(browser.find("#plan-points").getText() + browser.find("#plan-points").getAttribute("error-message"))
                .contains("99999.99");
        PlanItemView untouched = item(listId, "国省干线改造");
        assertThat(untouched.points()).as("nothing written").isNull();
        assertThat(untouched.ownerUnitId()).isNull();

        points.sendKeys(Keys.CONTROL, "a");
        points.sendKeys(Keys.BACK_SPACE);
        points.sendKeys("5");
        browser.find("#plan-item-save").click();
        browser.waitForText("#plan-items", "浏阳市交通运输执法大队");
        assertThat(browser.find("#plan-meta").getText()).contains("2017 年度", "其中 1 个计分，合计 5 分");
        PlanItemView saved = item(listId, "国省干线改造");
        assertThat(saved.points()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(saved.ownerName()).isEqualTo("浏阳市交通运输执法大队");
        assertThat(item(listId, "农村公路提质").points()).as("the others stay unscored").isNull();
        browser.screenshot("plan-view");

        // an unscored item opens like any other; the owner unit's reporter reports on the owned one
        browser.open("/items/" + item(listId, "农村公路提质").id());
        browser.waitForText("#item-title", "农村公路提质");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("不计分 · 2017 年度");
        main.logout();
        login.open().logIn(LIUYANG, "reporter", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        main.bureauName();
        browser.open("/items/" + saved.id());
        browser.waitForText("#item-title", "国省干线改造");
        assertThat(browser.exists("#submit-progress")).as("the owner unit reports progress").isTrue();
        main.logout();
        login.open().logIn(LIUYANG, "admin", JiaoyunTestContextBuilder.DEMO_PASSWORD);
        main.bureauName();

        // and the list shows the plan among the year's lists
        browser.open("/worklists");
        WebElement year = browser.find("#year input");
        year.clear();
        year.sendKeys("2017");
        year.sendKeys(Keys.TAB);
        browser.waitForText("#worklists", TITLE);
        assertThat(browser.find("#worklists").getText()).contains("工作计划");
        main.logout();
    }

    private PlanItemView item(long listId, String title) {
        return plans.plan("liuyang", listId).items().stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow();
    }

    /** The grid cell showing a tree row whose text contains {@code text}. */
    private WebElement cell(String text) {
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content"));
        return cells.stream().filter(c -> c.getText().contains(text)).findFirst().orElseThrow();
    }

    /** The tree level (0 at the top) of the row whose text contains {@code text}. */
    private String levelOf(String text) {
        WebElement toggle = browser.driver().findElements(By.cssSelector("vaadin-grid-tree-toggle")).stream()
                .filter(t -> t.getText().contains(text)).findFirst().orElseThrow();
        return toggle.getAttribute("level");
    }
}
