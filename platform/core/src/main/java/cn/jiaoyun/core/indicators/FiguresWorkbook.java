package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.http.HttpStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bureau's year of figures as one .xlsx sheet, the layout its staff fill and send back: one row
 * per indicator ({@code 指标编码 | 指标 | 单位 | 年度目标 | 1月 … 12月}). On import an empty cell
 * leaves the month as it is (so a sheet filled in part loses nobody's figures), {@code *} or
 * {@code 不公开} marks the month withheld, and a number may be in another scale of the indicator's
 * unit when the 单位 column says so (亿元 for an indicator in 万元). Rows of indicators that a
 * module publishes are exported for reading and skipped on import.
 */
final class FiguresWorkbook {

    static final List<String> HEADER = List.of("指标编码", "指标", "单位", "年度目标", "1月", "2月", "3月", "4月", "5月",
            "6月", "7月", "8月", "9月", "10月", "11月", "12月");
    private static final Set<String> WITHHELD = Set.of("*", "＊", "不公开", "脱敏", "withheld");

    /** One wrong cell: its row (as the spreadsheet numbers it), column header, and the reason's message key and arguments. */
    record Problem(int row, String column, String key, Object... args) {
        ApiProblem.FieldError asFieldError() {
            Object[] all = new Object[args.length + 2];
            all[0] = row;
            all[1] = column;
            System.arraycopy(args, 0, all, 2, args.length);
            return new ApiProblem.FieldError("row " + row + ", " + column, key, all);
        }
    }

    /** What a sheet asks for: month entries and targets (code → value in the indicator's unit). */
    record Parsed(List<BureauFigures.Entry> entries, Map<String, BigDecimal> targets, int skippedRows,
                  List<Problem> problems) {
    }

    private FiguresWorkbook() {
    }

    static byte[] export(String bureauName, BureauFigures.Sheet sheet) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = workbook.createSheet(sheet.year() + "年指标");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Row title = s.createRow(0);
            title.createCell(0).setCellValue(bureauName + sheet.year() + "年月度指标（空白为未填报，* 为不公开；灰色行由业务模块发布，导入时跳过）");
            title.getCell(0).setCellStyle(heading);
            Row header = s.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(heading);
            }
            int r = 2;
            for (BureauFigures.Row row : sheet.rows()) {
                Row x = s.createRow(r++);
                x.createCell(0).setCellValue(row.indicator().code());
                x.createCell(1).setCellValue(row.indicator().nameZh() + (row.moduleOwned() ? "（模块发布）" : ""));
                x.createCell(2).setCellValue(row.indicator().unit());
                if (row.target() != null) {
                    x.createCell(3).setCellValue(row.target().doubleValue());
                }
                for (BureauFigures.Cell c : row.months()) {
                    if (c.withheld()) {
                        x.createCell(3 + c.month()).setCellValue("*");
                    } else if (c.value() != null) {
                        x.createCell(3 + c.month()).setCellValue(c.value().doubleValue());
                    }
                }
            }
            s.setColumnWidth(0, 26 * 256);
            s.setColumnWidth(1, 24 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a sheet against the catalog; every wrong cell is a problem, none is dropped silently. */
    static Parsed parse(String fileName, byte[] content, Map<String, Indicator> catalog, int year,
                        java.time.YearMonth latest) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter text = new DataFormatter();
            for (Sheet sheet : workbook) {
                for (Row header : sheet) {
                    if ("指标编码".equals(text.formatCellValue(header.getCell(0)).strip())
                            || "code".equalsIgnoreCase(text.formatCellValue(header.getCell(0)).strip())) {
                        return rows(sheet, header.getRowNum(), catalog, text, year, latest);
                    }
                    if (header.getRowNum() > 10) {
                        break;
                    }
                }
            }
            throw new ApiProblem(HttpStatus.BAD_REQUEST, List.of(new ApiProblem.FieldError("file", "figures.import-no-sheet", fileName)),
                    "figures.import-no-sheet", fileName);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem p) {
                throw p;
            }
            throw new ApiProblem(HttpStatus.BAD_REQUEST, List.of(new ApiProblem.FieldError("file", "figures.import-unreadable",
                    fileName, e.getMessage())), "figures.import-unreadable", fileName, e.getMessage());
        }
    }

    private static Parsed rows(Sheet sheet, int headerRow, Map<String, Indicator> catalog, DataFormatter text,
                               int year, java.time.YearMonth latest) {
        List<BureauFigures.Entry> entries = new ArrayList<>();
        Map<String, BigDecimal> targets = new java.util.LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int skipped = 0;
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int line = r + 1;
            String code = text.formatCellValue(row.getCell(0)).strip();
            if (code.isEmpty()) {
                continue;
            }
            Indicator indicator = catalog.get(code);
            if (indicator == null) {
                problems.add(new Problem(line, HEADER.get(0), "figures.cell.unknown-code", code));
                continue;
            }
            if (indicator.moduleId() != null) {
                skipped++;
                continue;
            }
            String unit = text.formatCellValue(row.getCell(2)).strip();
            if (!unit.isEmpty() && !Units.compatible(unit, indicator.unit())) {
                problems.add(new Problem(line, HEADER.get(2), "figures.cell.unit", unit, indicator.nameZh(), indicator.unit()));
                continue;
            }
            String from = unit.isEmpty() ? indicator.unit() : unit;
            BigDecimal target = number(row.getCell(3), text);
            if (target == null && !text.formatCellValue(row.getCell(3)).isBlank()) {
                problems.add(new Problem(line, HEADER.get(3), "figures.cell.not-number", text.formatCellValue(row.getCell(3))));
            } else if (target != null) {
                targets.put(code, Units.convert(target, from, indicator.unit()).orElseThrow());
            }
            for (int month = 1; month <= 12; month++) {
                Cell cell = row.getCell(3 + month);
                String raw = text.formatCellValue(cell).strip();
                if (raw.isEmpty()) {
                    continue;
                }
                if (java.time.YearMonth.of(year, month).isAfter(latest)) {
                    problems.add(new Problem(line, HEADER.get(3 + month), "figures.cell.future", year + "-" + month));
                    continue;
                }
                if (WITHHELD.contains(raw)) {
                    entries.add(new BureauFigures.Entry(code, month, null, null, true));
                    continue;
                }
                BigDecimal v = number(cell, text);
                if (v == null) {
                    problems.add(new Problem(line, HEADER.get(3 + month), "figures.cell.not-number", raw));
                } else if (!Numbers.within(Units.convert(v, from, indicator.unit()).orElseThrow(), indicator.unit())) {
                    // a rate is typed as it is (58.13 for 58.13 %), within its bounds
                    problems.add(new Problem(line, HEADER.get(3 + month), "figures.cell.rate-range", indicator.nameZh(),
                            raw, indicator.unit(), Numbers.plain(Numbers.bounds(indicator.unit())[1])));
                } else {
                    entries.add(new BureauFigures.Entry(code, month, Units.convert(v, from, indicator.unit()).orElseThrow(),
                            indicator.unit(), false));
                }
            }
        }
        return new Parsed(entries, targets, skipped, problems);
    }

    private static BigDecimal number(Cell cell, DataFormatter text) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC) {
            BigDecimal v = BigDecimal.valueOf(cell.getNumericCellValue());
            // a cell formatted as a percentage holds 0.5813 for 58.13 %
            String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
            return (format != null && format.contains("%") ? v.movePointRight(2) : v).stripTrailingZeros();
        }
        String raw = text.formatCellValue(cell).strip().replace(",", "").replace("，", "");
        if (raw.endsWith("%") || raw.endsWith("％")) {
            raw = raw.substring(0, raw.length() - 1).strip();
        }
        try {
            return raw.isEmpty() ? null : new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
