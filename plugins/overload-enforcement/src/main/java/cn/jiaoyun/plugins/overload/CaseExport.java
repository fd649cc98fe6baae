package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 治超案件 as an Excel workbook: one sheet, a Chinese header row, one row per case in the order
 * the case list shows them. Written with POI's streaming workbook (a hundred rows in memory at a
 * time), so an export of a year's cases stays small in memory. POI comes from the host.
 */
final class CaseExport {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADERS = List.of("案件编号", "状态", "车牌号", "车牌颜色", "过车时间", "执法点", "车道",
            "轴数", "总重(kg)", "限值(kg)", "超限(kg)", "超限率(%)", "罚款(元)", "超限100%以上", "百吨王", "决定人", "备注");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Cases cases;

    CaseExport(Cases cases) {
        this.cases = cases;
    }

    /** The download's name, e.g. {@code 治超案件-已审核.xlsx}. */
    static String fileName(Cases.Status status) {
        return "治超案件" + (status == null ? "" : "-" + Cases.label(status)) + ".xlsx";
    }

    /** The workbook of the bureau's cases with {@code status} (all when null). */
    byte[] xlsx(BureauRef bureau, Cases.Status status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(bureau, status, out);
        return out.toByteArray();
    }

    /** Writes the workbook to {@code out} (which stays open). */
    void write(BureauRef bureau, Cases.Status status, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("治超案件");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle head = workbook.createCellStyle();
            head.setFont(bold);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(head);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            cases.forEach(bureau, status, c -> {
                Row row = sheet.createRow(next[0]++);
                int col = 0;
                row.createCell(col++).setCellValue(c.id());
                row.createCell(col++).setCellValue(Cases.label(c.status()));
                row.createCell(col++).setCellValue(c.plate());
                row.createCell(col++).setCellValue(c.plateColour() == null ? "" : c.plateColour());
                row.createCell(col++).setCellValue(c.detectedAt().atZone(PassRecord.CHINA).format(TIME));
                row.createCell(col++).setCellValue(c.site());
                row.createCell(col++).setCellValue(c.lane());
                row.createCell(col++).setCellValue(c.axles());
                number(row, col++, c.grossKg(), grouped);
                number(row, col++, c.limitKg(), grouped);
                number(row, col++, c.overKg(), grouped);
                Cell pct = row.createCell(col++);
                pct.setCellValue(c.overPercent().doubleValue());
                pct.setCellStyle(percent);
                number(row, col++, c.fineYuan(), grouped);
                row.createCell(col++).setCellValue(c.doubleLimit() ? "是" : "否");
                row.createCell(col++).setCellValue(c.hundredTonne() ? "是" : "否");
                row.createCell(col++).setCellValue(c.decidedBy() == null ? "" : c.decidedBy());
                row.createCell(col).setCellValue(c.note() == null ? "" : c.note());
            });
            int[] widths = {10, 12, 12, 8, 20, 10, 8, 6, 10, 10, 10, 10, 10, 12, 8, 10, 24};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256 + 512);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose(); // the temporary files of the streamed rows
            try {
                workbook.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private static void number(Row row, int col, int value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
