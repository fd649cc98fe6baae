package cn.jiaoyun.ui;

import cn.jiaoyun.core.demo.DemoAccounts;
import cn.jiaoyun.core.indicators.IndicatorValues;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regional analyst of 绍兴市 (330600) compares the city's six county-level bureaus in a real
 * browser: the ranked table, the ECharts bar chart, and the ranking as CSV and .xlsx. A bureau's
 * user cannot open the page.
 */
@JiaoyunTest
class ComparisonUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String PLATFORM = "平台账号（不属于任何交通运输局）";
    private static final List<String> ORDER = List.of("柯桥", "诸暨", "上虞", "越城", "嵊州", "新昌");

    @Inject
    IndicatorValues values;

    private VaadinFields fields;

    @BeforeAll
    void figures() {
        ShaoxingInvestment.record(values, true);
        values.target("zhuji", ShaoxingInvestment.CODE, 2023, new BigDecimal("615000"), "test");
        fields = new VaadinFields(browser);
    }

    @Test
    void theAnalystOfShaoxingRanksTheCountiesOnEffectiveInvestment() throws Exception {
        login.open().logIn(PLATFORM, DemoAccounts.analystUsername("330600"), PASSWORD);
        browser.find("#compare-heading");
        assertThat(browser.currentPath()).as("the analyst's home is the comparison").isEqualTo("/region/compare");
        assertThat(browser.find("#compare-heading").getText()).contains("区域对比", "绍兴市");
        assertThat(main.menu()).contains("menu-region-compare").doesNotContain("menu-figures", "menu-home");
        assertThat(browser.exists("#compare-area") && browser.find("#compare-area").isDisplayed())
                .as("a city has no smaller region to choose").isFalse();

        fields.pick("#compare-indicator", "交通有效投资");
        fields.choose("#compare-period", "1月至当月");
        fields.type("#compare-year", "2023");
        fields.select("#compare-month", "9月");
        browser.waitForText("#compare-title", "交通有效投资 · 2023年1-9月");

        List<List<String>> rows = fields.gridRows("#compare-grid");
        assertThat(rows).extracting(r -> r.get(1)).as("bureaus in ranked order, the incomplete one last").isEqualTo(ORDER);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("1", "2", "3", "4", "5", "—");
        List<String> zhuji = rows.get(1);
        assertThat(zhuji.get(2)).as("诸暨's value").isEqualTo("45亿元");
        assertThat(zhuji.get(3)).as("same period of 2022").isEqualTo("27亿元");
        assertThat(zhuji.get(4)).as("year on year").isEqualTo("+66.7%");
        assertThat(zhuji.get(5)).isEqualTo("61.5亿元");
        assertThat(zhuji.get(6)).as("completion of the target").isEqualTo("73.2%");
        assertThat(zhuji.get(7)).as("third through August, second now").isEqualTo("↑1");
        assertThat(rows.get(2).get(7)).isEqualTo("↓1");
        List<String> xinchang = rows.get(5);
        assertThat(xinchang.get(2)).contains("8亿元", "缺1个月");
        assertThat(xinchang.get(8)).contains("数据不全未排名", "合成演示数据");
        assertThat(zhuji.get(8)).as("诸暨 is a real bureau").doesNotContain("合成演示数据");

        // the chart: drawn by ECharts from the webjar, one bar per bureau in the table's order
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.script(
                "const el = document.querySelector('#compare-chart');"
                        + " return !!(window.echarts && echarts.getInstanceByDom(el) && el.querySelector('svg path'));")));
        @SuppressWarnings("unchecked")
        Map<String, Object> option = (Map<String, Object>) browser.script("""
                const option = echarts.getInstanceByDom(document.querySelector('#compare-chart')).getOption();
                return {names: option.xAxis[0].data, values: option.series[0].data.map(d => d.value),
                        type: option.series[0].type, unit: option.yAxis[0].name};""");
        assertThat(option.get("type")).isEqualTo("bar");
        assertThat(option.get("names")).isEqualTo(ORDER);
        assertThat((List<?>) option.get("values")).extracting(v -> ((Number) v).doubleValue())
                .containsExactly(54.0, 45.0, 37.8, 27.0, 18.0, 8.0);
        assertThat(option.get("unit")).isEqualTo("亿元");
        Long bars = (Long) browser.script("""
                return [...document.querySelectorAll('#compare-chart svg path')]
                    .filter(p => { const b = p.getBBox(); return b.width > 5 && b.height > 5 && p.getAttribute('fill')
                        && p.getAttribute('fill') !== 'none' && p.getAttribute('fill') !== 'transparent'; }).length;""");
        assertThat(bars).as("bars drawn in the SVG").isGreaterThanOrEqualTo(6L);
        browser.screenshot("region-compare");

        // the same ranking as CSV (UTF-8 with BOM) and .xlsx, in the browser's session
        var csv = fields.download("#compare-csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF排名,县（市、区）,数值");
        List<String> lines = text.lines().skip(1).toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("1,柯桥,540000,万元,9/9");
        assertThat(lines.get(1)).startsWith("2,诸暨,450000,万元,9/9,270000,+66.7%,615000,73.2%,↑1");
        assertThat(lines.get(5)).startsWith("—,新昌,80000,万元,8/9").contains("数据不全，未排名", "合成演示数据");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(".csv");

        var xlsx = fields.download("#compare-xlsx");
        List<List<String>> sheet = rows(xlsx.body());
        assertThat(sheet.get(0).get(0)).contains("交通有效投资", "2023年1-9月", "330600");
        assertThat(sheet.subList(2, 8)).extracting(r -> r.get(1)).isEqualTo(ORDER);
        assertThat(sheet.get(3)).startsWith("2", "诸暨", "450000");
        main.logout();
    }

    @Test
    void theProvincesAnalystNarrowsTheComparisonToACity() {
        login.open().logIn(PLATFORM, DemoAccounts.analystUsername("330000"), PASSWORD);
        assertThat(browser.find("#compare-heading").getText()).contains("浙江省");
        fields.pick("#compare-indicator", "交通有效投资");
        fields.choose("#compare-period", "1月至当月");
        fields.type("#compare-year", "2023");
        fields.select("#compare-month", "9月");
        browser.waitForText("#compare-title", "2023年1-9月");
        fields.select("#compare-area", "绍兴市");
        browser.waitForText("#compare-heading", "绍兴市");
        assertThat(fields.gridRows("#compare-grid")).extracting(r -> r.get(1)).isEqualTo(ORDER);
        main.logout();
    }

    @Test
    void aBureauUserCannotOpenTheComparison() {
        login.open().logIn("诸暨市交通运输局", "reporter", PASSWORD);
        main.bureauName();
        assertThat(main.menu()).contains("menu-figures").doesNotContain("menu-region-compare");
        browser.open("/region/compare");
        assertThat(browser.find("#forbidden").getText()).contains("无权");
        assertThat(browser.exists("#compare-grid")).isFalse();
        assertThat(browser.exists("#compare-chart")).isFalse();
        main.logout();
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(text.formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }
}
