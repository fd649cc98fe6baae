package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * The monthly statistics as a workbook in exactly the layout the {@code monthly-statistics}
 * importer reads (sheets 港口吞吐量 and 水路运输, the importer's Chinese headers), so that an
 * export edited and imported again round-trips. The template is the same workbook without
 * figures, plus a 填表说明 sheet the importer ignores. Months are written as text
 * ({@code 2023-06}) so that Excel does not turn them into dates.
 */
final class StatisticsWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String THROUGHPUT_SHEET = "港口吞吐量";
    static final String WATER_SHEET = "水路运输";

    private final ModuleData data;

    StatisticsWorkbook(ModuleData data) {
        this.data = data;
    }

    /** Every figure of {@code year}. */
    byte[] export(BureauRef bureau, int year) {
        YearMonth from = YearMonth.of(year, 1);
        YearMonth to = YearMonth.of(year, 12);
        List<MonthlyStatistics.Throughput> rows = data.readInBureau(bureau, sql -> MonthlyStatistics.throughput(sql, from, to));
        List<MonthlyStatistics.Water> water = data.readInBureau(bureau, sql -> MonthlyStatistics.water(sql, from, to));
        return write(rows, water, false);
    }

    /** The empty workbook with its instructions. */
    byte[] template() {
        return write(List.of(), List.of(), true);
    }

    private static byte[] write(List<MonthlyStatistics.Throughput> rows, List<MonthlyStatistics.Water> water, boolean help) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Sheet t = sheet(workbook, THROUGHPUT_SHEET, MonthlyStatistics.THROUGHPUT, head);
            int r = 1;
            for (MonthlyStatistics.Throughput x : rows) {
                Row row = t.createRow(r++);
                row.createCell(0).setCellValue(x.month().toString());
                row.createCell(1).setCellValue(x.port());
                row.createCell(2).setCellValue(x.area());
                row.createCell(3).setCellValue(x.cargoClass().zh());
                row.createCell(4).setCellValue(x.direction().zh());
                number(row, 5, x.wanTonnes());
                number(row, 6, x.teu() == null ? null : BigDecimal.valueOf(x.teu()));
                text(row, 7, x.source());
            }
            Sheet w = sheet(workbook, WATER_SHEET, MonthlyStatistics.WATER, head);
            r = 1;
            for (MonthlyStatistics.Water x : water) {
                Row row = w.createRow(r++);
                row.createCell(0).setCellValue(x.month().toString());
                number(row, 1, x.freightWanTonnes());
                number(row, 2, x.turnoverWanTonneKm());
                number(row, 3, x.roadToWaterWanTonnes());
                text(row, 4, x.source());
            }
            if (help) {
                Sheet h = workbook.createSheet("填表说明");
                List<String> lines = List.of(
                        "港口吞吐量：每行为一个作业区某月某货类某方向的吞吐量（万吨，最多 4 位小数）。",
                        "月份写作 2023-06；港口、作业区须已在“港口与泊位”中登记；方向为进港或出港。",
                        "货类：" + String.join("、", Arrays.stream(CargoClass.values()).map(CargoClass::zh).toList()) + "。",
                        "集装箱行须另填箱量（TEU），吞吐量为其货物重量；其他货类不填 TEU。",
                        "某作业区某月只要有一行，未列出的货类即为 0；整月没有一行的作业区视为未填报（数据不全）。",
                        "水路运输：每行为一个月的水路货运量（万吨）、货物周转量（万吨公里）、货物公转水（万吨）；空白为未知，不按 0 计。",
                        "文件中任一行有误则整份不导入，并逐行列出问题；同一文件重复导入不会重复计入。");
                for (int i = 0; i < lines.size(); i++) {
                    h.createRow(i).createCell(0).setCellValue(lines.get(i));
                }
                h.setColumnWidth(0, 120 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name, List<Columns.Column> columns, CellStyle head) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(head);
            sheet.setColumnWidth(i, Math.max(10, columns.get(i).header().length() * 2 + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void number(Row row, int col, BigDecimal value) {
        if (value != null) {
            row.createCell(col).setCellValue(value.doubleValue());
        }
    }

    private static void text(Row row, int col, String value) {
        if (value != null) {
            row.createCell(col).setCellValue(value);
        }
    }
}
