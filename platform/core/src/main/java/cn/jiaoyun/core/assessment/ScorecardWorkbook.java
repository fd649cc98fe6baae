package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.WorkflowViews.ScorecardRow;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The ranking of units as an .xlsx sheet, headed in Chinese as a bureau would file it. */
final class ScorecardWorkbook {

    static final List<String> HEADER = List.of("排名", "单位", "满分", "督查评分", "扣分", "得分", "已评事项", "事项数");

    private ScorecardWorkbook() {
    }

    static byte[] of(String bureauName, int year, List<ScorecardRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(year + "年考核得分");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(bureauName + year + "年局属单位考核得分排名");
            title.getCell(0).setCellStyle(heading);
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(heading);
            }
            for (int r = 0; r < rows.size(); r++) {
                ScorecardRow s = rows.get(r);
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue(s.rank());
                row.createCell(1).setCellValue(s.unitName());
                row.createCell(2).setCellValue(s.maxPoints().doubleValue());
                row.createCell(3).setCellValue(s.reviewed().doubleValue());
                row.createCell(4).setCellValue(s.deducted().doubleValue());
                row.createCell(5).setCellValue(s.total().doubleValue());
                row.createCell(6).setCellValue(s.itemsReviewed());
                row.createCell(7).setCellValue(s.items());
            }
            sheet.setColumnWidth(1, 36 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
