package cn.jiaoyun.ui;

import cn.jiaoyun.core.indicators.BureauPeriodTotals;
import cn.jiaoyun.core.indicators.IndicatorValues;
import cn.jiaoyun.core.indicators.PeriodTotals;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liuyang's administrator enters a half-year total (上半年, typed in 亿元) on the figures page where
 * the months are unknown, with the fields validated where they are typed, and sees it serve 1-6月;
 * once the months are in and add up to something else, the page says the two disagree. Year 2015
 * is this test's own.
 */
@JiaoyunTest
class PeriodTotalsUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String LIUYANG = "浏阳市交通运输局";
    private static final String ID = "invest-effective";

    @Inject
    BureauPeriodTotals totals;
    @Inject
    IndicatorValues values;

    @Test
    void theAdministratorEntersAHalfYearTotalAndSeesItUsed() {
        VaadinFields fields = new VaadinFields(browser);
        login.open().logIn(LIUYANG, "admin", PASSWORD);
        main.bureauName();
        browser.open("/figures");
        fields.type("#figures-year", "2015");
        fields.select("#figures-month", "6月");
        fields.visible("#ytd-" + ID);
        browser.waitForText("#ytd-" + ID, "—");

        // nothing chosen: the fields say so themselves
        fields.click("#period-open");
        fields.click("#period-save");
        assertThat(browser.find("#period-indicator").getDomAttribute("invalid")).isNotNull();
        assertThat(browser.find("#period-span").getDomAttribute("invalid")).isNotNull();
        assertThat(fields.text("#period-indicator")).contains("必填");

        fields.pick("#period-indicator", "交通有效投资");
        fields.select("#period-span", "上半年");
        fields.type("#period-value", "-1");
        assertThat(browser.find("#period-value").getDomAttribute("invalid")).isNotNull();
        assertThat(fields.text("#period-value")).contains("不能为负数");
        fields.click("#period-save");
        assertThat(totals.of("liuyang", 2015)).as("a negative total is not saved").isEmpty();

        fields.type("#period-value", "6.15");
        assertThat(browser.find("#period-value").getDomAttribute("invalid")).isNull();
        fields.select("#period-unit", "亿元");
        fields.click("#period-save");
        browser.waitForText("#entry-message", "已保存");
        assertThat(fields.text("#entry-message")).contains("交通有效投资", "2015", "上半年");
        assertThat(browser.script("const d = document.querySelector('#period-totals'); return d != null && d.opened;"))
                .as("the dialog closed").isEqualTo(false);
        fields.visible("#ytd-" + ID);
        browser.waitForText("#ytd-" + ID, "6.15亿元");
        assertThat(fields.text("#ytd-" + ID)).as("1-6月 served by the half-year total").isEqualTo("6.15亿元（含上半年合计）");
        assertThat(fields.text("#periods-" + ID)).isEqualTo("上半年 6.15亿元");
        List<PeriodTotals.Total> stored = totals.of("liuyang", 2015);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).value()).as("in 万元").isEqualByComparingTo("61500");
        browser.screenshot("period-total-entered");

        // May alone is not served by it
        fields.select("#figures-month", "5月");
        fields.visible("#ytd-" + ID);
        browser.waitForText("#ytd-" + ID, "—");

        // the months arrive and add up to 6 亿元: they count, and the page says the two disagree
        for (int m = 1; m <= 6; m++) {
            values.record("liuyang", "invest.effective", YearMonth.of(2015, m), new BigDecimal("10000"), "test");
        }
        fields.select("#figures-month", "6月");
        fields.visible("#ytd-" + ID);
        browser.waitForText("#ytd-" + ID, "6亿元");
        assertThat(fields.text("#ytd-" + ID)).isEqualTo("6亿元");
        assertThat(fields.text("#periods-" + ID)).contains("上半年 6.15亿元", "不一致", "6亿元");
        assertThat(browser.find("#periods-" + ID).getDomAttribute("class")).contains("jy-period-disagrees");
        browser.screenshot("period-total-disagrees");
        main.logout();
    }
}
