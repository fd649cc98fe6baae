package cn.jiaoyun.plugins.port;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what the bureaus send: an {@code .xlsx} workbook (every sheet) or a UTF-8 {@code .csv}
 * file (one table), into header and data lines. Line numbers are those the spreadsheet shows
 * (1-based, the header's line included), so a problem can name the row a clerk will look for.
 * Blank lines are left out. Numbers from Excel come back as plain decimals ({@code 12.5}, not
 * {@code 12.500000001}), dates as {@code 2023-06-30}.
 */
final class Tables {

    /** One sheet or file: its name, the header's line and cells, and the data lines after it. */
    record Table(String name, long headerLine, List<String> header, List<Line> lines) {
    }

    /** A data line: its number and its cells (trimmed, empty for a blank cell). */
    record Line(long number, List<String> cells) {

        String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }
    }

    private Tables() {
    }

    /** The tables of a file, by its extension ({@code xlsx} or {@code csv}). */
    static List<Table> read(String fileName, InputStream in) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return workbook(in);
        }
        String name = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return List.of(csv(name, in));
    }

    private static List<Table> workbook(InputStream in) throws IOException {
        List<Table> tables = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                List<Line> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    rows.add(new Line(row.getRowNum() + 1L, cells));
                }
                tables.add(table(sheet.getSheetName(), rows));
            }
        }
        return tables;
    }

    private static Table csv(String name, InputStream in) throws IOException {
        List<Line> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String text;
        long number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // Excel's "CSV UTF-8" starts with a byte-order mark
            }
            rows.add(new Line(number, fields(text)));
        }
        return table(name, rows);
    }

    /** The first non-blank line is the header; blank lines after it are dropped. */
    private static Table table(String name, List<Line> rows) {
        List<Line> data = new ArrayList<>();
        Line header = null;
        for (Line row : rows) {
            if (row.cells().stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (header == null) {
                header = row;
            } else {
                data.add(row);
            }
        }
        return header == null ? new Table(name, 1, List.of(), List.of())
                : new Table(name, header.number(), header.cells(), data);
    }

    /** The fields of one CSV line: commas separate, double quotes enclose, a doubled quote is a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i <= line.length()) {
            if (i < line.length() && line.charAt(i) == '"') {
                int j = i + 1;
                while (j < line.length()) {
                    if (line.charAt(j) == '"' && j + 1 < line.length() && line.charAt(j + 1) == '"') {
                        field.append('"');
                        j += 2;
                    } else if (line.charAt(j) == '"') {
                        break;
                    } else {
                        field.append(line.charAt(j++));
                    }
                }
                i = j + 1;
            }
            int comma = line.indexOf(',', i);
            int end = comma < 0 ? line.length() : comma;
            if (i < end) {
                field.append(line, i, end);
            }
            fields.add(field.toString().strip());
            field.setLength(0);
            i = end + 1;
        }
        return fields;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
