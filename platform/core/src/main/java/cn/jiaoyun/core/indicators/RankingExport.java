package cn.jiaoyun.core.indicators;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A ranking as a sheet a city sends round: .xlsx, or CSV (UTF-8 with BOM so that Excel reads the Chinese).
 * Public for the web UI's export links, which serve the same files as the REST endpoints.
 */
public final class RankingExport {

    static final List<String> HEADER = List.of("排名", "县（市、区）", "数值", "单位", "已填报月数", "上年同期", "同比",
            "年度目标", "完成年度目标", "排名变化", "备注");

    private RankingExport() {
    }

    /** The file name (without extension) a ranking is saved under: region, indicator, period. */
    public static String fileName(RegionalComparison.Ranking r) {
        return r.region() + "-" + r.indicator().nameZh() + "-" + r.labelZh() + "排名";
    }

    static List<List<String>> table(RegionalComparison.Ranking r) {
        List<List<String>> rows = new ArrayList<>();
        String yoyUnit = "%".equals(r.indicator().unit()) ? "个百分点" : "%";
        for (RegionalComparison.Line l : r.lines()) {
            List<String> row = new ArrayList<>();
            row.add(l.rank() == null ? "—" : String.valueOf(l.rank()));
            row.add(l.name());
            row.add(Numbers.rounded(l.period().value(), 2));
            row.add(r.indicator().unit());
            row.add(l.period().known() + "/" + l.period().months());
            row.add(Numbers.rounded(l.lastYear().value(), 2));
            row.add(l.yearOnYear() == null ? "—" : signed(l.yearOnYear()) + yoyUnit);
            row.add(Numbers.rounded(l.target(), 2));
            row.add(l.completion() == null ? "—" : Numbers.rounded(l.completion(), 1) + "%");
            row.add(l.rankChange() == null ? "—" : l.rankChange() > 0 ? "↑" + l.rankChange()
                    : l.rankChange() < 0 ? "↓" + (-l.rankChange()) : "—");
            List<String> notes = new ArrayList<>();
            if (!l.period().complete()) {
                notes.add("数据不全，未排名");
            }
            if (l.synthetic()) {
                notes.add("合成演示数据");
            }
            row.add(String.join("；", notes));
            rows.add(row);
        }
        return rows;
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + Numbers.rounded(v, 1);
    }

    public static byte[] xlsx(RegionalComparison.Ranking r) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("排名");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(r.indicator().nameZh() + " " + r.labelZh() + " 排名（地区 " + r.region() + "）");
            title.getCell(0).setCellStyle(heading);
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(heading);
            }
            List<List<String>> rows = table(r);
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 2);
                RegionalComparison.Line l = r.lines().get(i);
                for (int j = 0; j < rows.get(i).size(); j++) {
                    if (j == 2 && l.period().value() != null) {
                        row.createCell(j).setCellValue(l.period().value().doubleValue());
                    } else {
                        row.createCell(j).setCellValue(rows.get(i).get(j));
                    }
                }
            }
            sheet.setColumnWidth(1, 20 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(RegionalComparison.Ranking r) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append(String.join(",", HEADER)).append("\r\n");
        for (List<String> row : table(r)) {
            s.append(String.join(",", row.stream().map(RankingExport::quote).toList())).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
