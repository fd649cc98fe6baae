package cn.jiaoyun.ui;

import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.indicators.IndicatorCatalog;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import cn.jiaoyun.ui.views.figures.FiguresView;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shaoxing's administrator adds an indicator of its own on the figures page (a refusal shown at
 * the name field first), types a month of it and a rate for 隐患整改率 (250 % refused at the
 * field, 58.13 % kept and shown as typed), and sees both in the grid; Zhuji sees none of it.
 */
@JiaoyunTest
class OwnIndicatorsUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String RATE = "safety.rectification_rate";

    @Inject
    IndicatorCatalog catalog;

    private VaadinFields fields;

    @BeforeAll
    void fields() {
        fields = new VaadinFields(browser);
    }

    @Test
    void theAdministratorAddsAnIndicatorAndTypesItsMonthAndARate() {
        String name = "公交车辆数界面" + Long.toString(System.nanoTime() % 1_000_000, 36);
        login.open().logIn("绍兴市交通运输局", "admin", PASSWORD);
        main.bureauName();
        browser.open("/figures");
        fields.type("#figures-year", "2009");
        fields.select("#figures-month", "12月");

        fields.click("#own-indicator-new");
        browser.find("#own-indicator-dialog");
        fields.click("#own-save");
        browser.waitForVaadin();
        assertThat(browser.find("#own-name").getDomProperty("invalid")).as("refused at the name field")
                .isEqualTo("true");
        assertThat(browser.find("#own-name").getDomProperty("errorMessage")).contains("请填写指标名称");
        fields.type("#own-name", name);
        fields.type("#own-unit", "辆");
        fields.select("#own-aggregation", "取最新一月");
        fields.click("#own-save");
        browser.waitForText("#entry-message", "已保存本局指标");
        Indicator own = catalog.all("shaoxing").stream().filter(i -> name.equals(i.nameZh())).findFirst().orElseThrow();
        assertThat(own.own()).isTrue();
        assertThat(gridText()).contains(name).contains("本局");

        // a month of the new indicator
        fields.pick("#entry-indicator", name);
        fields.select("#entry-month", "3月");
        fields.type("#entry-value", "1180");
        fields.click("#entry-save");
        browser.waitForText("#entry-message", "已保存");
        browser.waitForText("#ytd-" + FiguresView.domId(own.code()), "1180");

        // a rate typed as it is: 250 % refused at the field, 58.13 % kept and marked as typed
        fields.pick("#entry-indicator", "隐患整改率");
        fields.select("#entry-month", "3月");
        fields.type("#entry-value", "250");
        fields.click("#entry-save");
        browser.waitForText("#entry-message", "超出范围");
        assertThat(browser.find("#entry-value").getDomProperty("invalid")).isEqualTo("true");
        assertThat(fields.text("#ytd-" + FiguresView.domId(RATE))).isEqualTo("—");
        fields.type("#entry-value", "58.13");
        fields.click("#entry-save");
        browser.waitForText("#entry-message", "已保存");
        browser.waitForText("#ytd-" + FiguresView.domId(RATE), "58.13");
        assertThat(fields.text("#ytd-" + FiguresView.domId(RATE))).contains("最新填报值");
        assertThat(gridText()).contains("58.13（填）").contains("1180");
        browser.screenshot("own-indicator-and-rate");
        main.logout();

        login.open().logIn("诸暨市交通运输局", "admin", PASSWORD);
        main.bureauName();
        browser.open("/figures");
        fields.type("#figures-year", "2009");
        fields.select("#figures-month", "12月");
        browser.find("#figures-grid");
        assertThat(gridText()).as("another bureau sees none of it").doesNotContain(name).contains("隐患整改率");
        assertThat(browser.exists("#ytd-" + FiguresView.domId(own.code()))).isFalse();
        main.logout();
    }

    private String gridText() {
        return String.join("|", fields.gridRows("#figures-grid").stream().map(r -> String.join("|", r)).toList());
    }
}
