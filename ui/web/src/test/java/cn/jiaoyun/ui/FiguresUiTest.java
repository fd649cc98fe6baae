package cn.jiaoyun.ui;

import cn.jiaoyun.core.indicators.BureauFigures;
import cn.jiaoyun.core.indicators.IndicatorValues;
import cn.jiaoyun.core.indicators.RegionalComparison;
import cn.jiaoyun.test.JiaoyunTest;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import cn.jiaoyun.test.browser.BrowserTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zhuji's monthly figures in a real browser: the reporter enters September's effective investment
 * in 亿元 and sees the year to date, year on year and the city standing change; a workbook with
 * a wrong cell is refused whole, with the cell named by row and column.
 */
@JiaoyunTest
class FiguresUiTest extends BrowserTest {

    private static final String PASSWORD = JiaoyunTestContextBuilder.DEMO_PASSWORD;
    private static final String ZHUJI = "诸暨市交通运输局";
    private static final String ID = "invest-effective";

    @Inject
    IndicatorValues values;
    @Inject
    RegionalComparison comparison;
    @Inject
    BureauFigures figures;

    private VaadinFields fields;

    @BeforeAll
    void figures() {
        // everything of 2022 and 2023 but Zhuji's September, which the reporter types
        ShaoxingInvestment.record(values, true, "zhuji");
        ShaoxingInvestment.record(values, false, "keqiao", "shangyu", "yuecheng", "shengzhou", "xinchang");
        values.target("zhuji", ShaoxingInvestment.CODE, 2023, new BigDecimal("615000"), "test");
        comparison.setBureausSeeRank("330600", true, "test");
        fields = new VaadinFields(browser);
    }

    @Test
    void theReporterEntersAMonthInYiYuanAndSeesTheYearToDateChange() {
        login.open().logIn(ZHUJI, "reporter", PASSWORD);
        main.bureauName();
        assertThat(main.menu()).contains("menu-figures");
        browser.open("/figures");
        fields.type("#figures-year", "2023");
        fields.select("#figures-month", "9月");
        browser.waitForText("#ytd-" + ID, "缺1个月");
        assertThat(fields.text("#ytd-" + ID)).as("January to August, September missing")
                .isEqualTo("32亿元（缺1个月）");
        assertThat(fields.text("#yoy-" + ID)).as("no year on year for an incomplete period").isEqualTo("—");
        assertThat(fields.text("#last-year-" + ID)).isEqualTo("27亿元");
        assertThat(fields.text("#figures-standing")).contains("1-9月", "数据不全");
        assertThat(browser.exists("#figures-upload")).as("imports are for supervisors and administrators").isFalse();
        assertThat(browser.exists("#target-value")).as("targets are for supervisors and administrators").isFalse();

        // September: 13 亿元, typed in 亿元 for an indicator kept in 万元
        fields.pick("#entry-indicator", "交通有效投资");
        fields.select("#entry-month", "9月");
        fields.type("#entry-value", "13");
        fields.select("#entry-unit", "亿元");
        fields.click("#entry-save");
        browser.waitForText("#entry-message", "已保存");
        browser.waitForText("#ytd-" + ID, "45亿元");
        assertThat(fields.text("#ytd-" + ID)).isEqualTo("45亿元");
        assertThat(fields.text("#yoy-" + ID)).isEqualTo("+66.7%");
        assertThat(fields.text("#completion-" + ID)).isEqualTo("73.2%");
        assertThat(gridText()).contains("13亿元");
        assertThat(fields.text("#figures-standing")).isEqualTo("交通有效投资1-9月在绍兴市6个县市区中排名第2");
        assertThat(figures.sheet("zhuji", 2023, 9).rows().stream()
                .filter(r -> r.indicator().code().equals(ShaoxingInvestment.CODE)).findFirst().orElseThrow()
                .months()).anyMatch(c -> c.month() == 9 && c.value().compareTo(new BigDecimal("130000")) == 0);
        browser.screenshot("figures-entered");

        // a rate out of bounds is refused with the reason at the field, nothing else changes
        fields.pick("#entry-indicator", "隐患整改率");
        fields.type("#entry-value", "250");
        fields.click("#entry-save");
        browser.waitForText("#entry-message", "超出范围");
        assertThat(browser.find("#entry-value").getDomProperty("invalid")).isEqualTo("true");
        assertThat(fields.text("#ytd-" + ID)).isEqualTo("45亿元");
        main.logout();
    }

    @Test
    void aWorkbookWithAWrongCellIsRefusedWholeWithTheCellNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zhuji-2023.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("2023年指标");
            sheet.createRow(0).createCell(0).setCellValue("诸暨市交通运输局2023年月度指标");
            Row header = sheet.createRow(1);
            List<String> columns = List.of("指标编码", "指标", "单位", "年度目标", "1月", "2月", "3月", "4月", "5月", "6月",
                    "7月", "8月", "9月", "10月", "11月", "12月");
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            Row freight = sheet.createRow(2);
            freight.createCell(0).setCellValue("transport.freight");
            freight.createCell(1).setCellValue("货运量");
            freight.createCell(2).setCellValue("万吨");
            freight.createCell(4).setCellValue(120);
            freight.createCell(5).setCellValue(130);
            Row investment = sheet.createRow(3);
            investment.createCell(0).setCellValue(ShaoxingInvestment.CODE);
            investment.createCell(1).setCellValue("交通有效投资");
            investment.createCell(2).setCellValue("万元");
            investment.createCell(6).setCellValue("约五亿");
            workbook.write(out);
        }

        login.open().logIn(ZHUJI, "supervisor", PASSWORD);
        main.bureauName();
        browser.open("/figures");
        fields.type("#figures-year", "2023");
        fields.select("#figures-month", "9月");
        WebElement upload = browser.find("#figures-upload");
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        browser.waitForText("#import-result", "全部未导入");
        assertThat(fields.text("#import-result")).contains("zhuji-2023.xlsx", "1 处错误");
        assertThat(fields.text("#import-errors")).as("the wrong cell by row and column")
                .contains("第 4 行", "3月", "约五亿");
        assertThat(figures.sheet("zhuji", 2023, 9).rows().stream()
                .filter(r -> r.indicator().code().equals("transport.freight")).findFirst().orElseThrow().months())
                .as("the right cells of the refused workbook are not saved either").isEmpty();
        assertThat(fields.text("#ytd-transport-freight")).isEqualTo("—");
        browser.screenshot("figures-import-refused");
        main.logout();
    }

    private String gridText() {
        return String.join("|", fields.gridRows("#figures-grid").stream().map(r -> String.join("|", r)).toList());
    }
}
