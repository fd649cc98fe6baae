package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.Importer.RowProblem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the spreadsheets bureaus fill in: headers, row numbers, Excel dates, encodings, cell checks. */
class SheetTest {

    private static final List<Sheet.Column> COLUMNS = MonthlyStatistics.COLUMNS;
    private static final Map<String, Sheet.Column> BY_KEY = COLUMNS.stream()
            .collect(Collectors.toMap(Sheet.Column::key, Function.identity()));

    @Test
    void anXlsxIsReadByItsHeadersBelowATitleWithTheSpreadsheetsRowNumbersAndExcelDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("诸暨市农村公路月度统计表"); // a title above the header
            sheet.createRow(1).createCell(0).setCellValue("填报单位：诸暨市交通运输局");
            Row header = sheet.createRow(2);
            String[] headers = {"项目名称", "年月", "项目类型", "当月完成里程(公里)", "当月完成投资（万元）", "完工日期"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Row row = sheet.createRow(4); // row 4 (index 3) left empty
            row.createCell(0).setCellValue("县道大中修");
            row.createCell(1).setCellValue(LocalDate.of(2023, 6, 1));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue("大中修");
            row.createCell(3).setCellValue(12.5);
            row.createCell(4).setCellValue(1300);
            row.createCell(5).setCellValue(LocalDate.of(2023, 6, 28));
            row.getCell(5).setCellStyle(date);
            workbook.write(out);
        }
        Sheet.Table table = Sheet.read("x.xlsx", new ByteArrayInputStream(out.toByteArray()), COLUMNS);
        assertThat(table.problems()).isEmpty();
        assertThat(table.lines()).hasSize(1);
        Sheet.Line line = table.lines().get(0);
        assertThat(line.number()).isEqualTo(5);
        List<RowProblem> problems = new ArrayList<>();
        RowCheck check = new RowCheck(line, BY_KEY, problems);
        assertThat(check.month("month")).isEqualTo(YearMonth.of(2023, 6));
        assertThat(check.number("km", true)).isEqualByComparingTo("12.5");
        assertThat(check.number("wan_yuan", true).toPlainString()).isEqualTo("1300");
        assertThat(check.date("completed_on", false)).isEqualTo(LocalDate.of(2023, 6, 28));
        assertThat(check.code("kind", Labels.KINDS, true)).isEqualTo("MAJOR_REPAIR");
        assertThat(problems).isEmpty();
    }

    @Test
    void aCsvSavedByChineseExcelInGb18030IsReadAsWellAsUtf8WithABom() throws IOException {
        String csv = "年月,项目名称,项目类型,当月完成里程,当月完成投资\n2023年6月,乡道修复,危桥,\"1,200.5\",30\n";
        for (byte[] bytes : List.of(csv.getBytes(Charset.forName("GB18030")),
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), csv.replace(',', '\t').replace("\"1\t200.5\"", "1200.5")
                        .getBytes(StandardCharsets.UTF_8))) {
            Sheet.Table table = Sheet.read("x.csv", new ByteArrayInputStream(bytes), COLUMNS);
            assertThat(table.problems()).isEmpty();
            Sheet.Line line = table.lines().get(0);
            assertThat(line.number()).isEqualTo(2);
            List<RowProblem> problems = new ArrayList<>();
            RowCheck check = new RowCheck(line, BY_KEY, problems);
            assertThat(check.month("month")).isEqualTo(YearMonth.of(2023, 6));
            assertThat(check.text("project", true)).isEqualTo("乡道修复");
            assertThat(check.code("kind", Labels.KINDS, true)).isEqualTo("DANGEROUS_BRIDGE");
            assertThat(check.number("km", true)).isEqualByComparingTo("1200.5");
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void everyBadCellOfARowIsNotedWithItsColumnHeader() throws IOException {
        String csv = "年月,项目名称,项目类型,当月完成里程,当月完成投资\n2023-00,,桥,-1,一百\n";
        Sheet.Line line = Sheet.read("x.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), COLUMNS)
                .lines().get(0);
        List<RowProblem> problems = new ArrayList<>();
        RowCheck check = new RowCheck(line, BY_KEY, problems);
        check.month("month");
        check.text("project", true);
        check.code("kind", Labels.KINDS, true);
        check.number("km", true);
        check.number("wan_yuan", true);
        assertThat(check.ok()).isFalse();
        assertThat(problems).extracting(RowProblem::field)
                .containsExactly("年月", "项目名称", "项目类型", "当月完成里程（公里）", "当月完成投资（万元）");
        assertThat(problems).extracting(RowProblem::message).allMatch(m -> !m.isBlank())
                .anyMatch(m -> m.contains("2023-00")).anyMatch(m -> m.contains("不能为负数")).anyMatch(m -> m.contains("一百"));
    }
}
