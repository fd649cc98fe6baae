package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.Importer.RowProblem;
import cn.jiaoyun.plugin.api.ModuleProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A spreadsheet as the importers read it: the first sheet of an {@code .xlsx}, or a {@code .csv}
 * with the same columns (UTF-8, or GB18030 as Excel saves CSV on Chinese Windows; comma or tab
 * separated). The header is the first of the top rows that names every required column, so titles
 * above it are passed over; columns are found by their header, Chinese or English, in any order,
 * units in brackets ignored. Rows keep their spreadsheet row number for problem reports; empty rows
 * are skipped. Monthly statistics are small, so the file is read whole, up to {@link #MAX_BYTES}.
 */
final class Sheet {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;
    /** How many rows from the top may hold titles and notes before the header. */
    private static final int HEADER_SEARCH = 10;

    /** A column an importer reads: its key, the header it exports and other headers it accepts. */
    record Column(String key, String header, boolean required, String... aliases) {
    }

    /** One data row: its row number in the spreadsheet (1-based) and its cells by column key. */
    record Line(long number, Map<String, Object> cells) {
        /** A cell as text (numbers without trailing zeros, dates ISO), or null when empty. */
        String text(String key) {
            Object v = cells.get(key);
            if (v == null) {
                return null;
            }
            String s = v instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : v.toString().strip();
            return s.isEmpty() ? null : s;
        }

        Object raw(String key) {
            return cells.get(key);
        }
    }

    /** The rows, or the problems with the header (then no rows). */
    record Table(List<Line> lines, List<RowProblem> problems) {
    }

    private Sheet() {
    }

    /** Reads {@code content} by the file name's extension. */
    static Table read(String fileName, InputStream content, List<Column> columns) throws IOException {
        byte[] bytes = content.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw ModuleProblem.badInput("file", "文件过大（最大 20 MB）", "The file is too large (20 MB at most)");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<Object>> rows = name.endsWith(".xlsx") ? xlsx(bytes) : csv(bytes);
        return bind(rows, columns);
    }

    private static Table bind(List<List<Object>> rows, List<Column> columns) {
        int first = 0;
        while (first < rows.size() && blank(rows.get(first))) {
            first++;
        }
        if (first == rows.size()) {
            return new Table(List.of(), List.of(new RowProblem(1, "file", "文件没有表头和数据")));
        }
        // a title such as "诸暨市农村公路月度统计表" often stands above the header: the header is the
        // first of the top rows that names every required column
        int headerRow = first;
        for (int r = first; r < Math.min(rows.size(), first + HEADER_SEARCH); r++) {
            if (headerProblems(rows.get(r), columns, r, new LinkedHashMap<>()).isEmpty()) {
                headerRow = r;
                break;
            }
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        List<RowProblem> problems = headerProblems(rows.get(headerRow), columns, headerRow, at);
        if (!problems.isEmpty()) {
            return new Table(List.of(), problems);
        }
        List<Line> lines = new ArrayList<>();
        for (int r = headerRow + 1; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (blank(row)) {
                continue;
            }
            if (lines.size() == MAX_ROWS) {
                return new Table(List.of(), List.of(new RowProblem(r + 1, "file", "行数超过 " + MAX_ROWS + "，请分文件导入")));
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            at.forEach((key, i) -> cells.put(key, i < row.size() ? row.get(i) : null));
            lines.add(new Line(r + 1, cells));
        }
        return new Table(lines, List.of());
    }

    /** Finds the columns in a header row ({@code at}: key to index); the problems if it is not a header. */
    private static List<RowProblem> headerProblems(List<Object> header, List<Column> columns, int row, Map<String, Integer> at) {
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : normal(header.get(i).toString());
            for (Column c : columns) {
                boolean match = normal(c.header()).equals(h) || normal(c.key()).equals(h)
                        || Arrays.stream(c.aliases()).anyMatch(a -> normal(a).equals(h));
                if (match && !h.isEmpty()) {
                    if (at.containsKey(c.key())) {
                        problems.add(new RowProblem(row + 1, c.header(), "表头“" + c.header() + "”出现了两次"));
                    }
                    at.put(c.key(), i);
                }
            }
        }
        for (Column c : columns) {
            if (c.required() && !at.containsKey(c.key())) {
                problems.add(new RowProblem(row + 1, c.header(), "缺少列“" + c.header() + "”"));
            }
        }
        return problems;
    }

    /** A header without spaces, brackets and their content, in lower case: {@code 当月完成里程（公里）} → {@code 当月完成里程}. */
    static String normal(String header) {
        return header.replaceAll("[（(\\[【].*?[）)\\]】]", "").replaceAll("[\\s_\\-]", "")
                .replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static boolean blank(List<Object> row) {
        return row.stream().allMatch(c -> c == null || c.toString().isBlank());
    }

    private static List<List<Object>> xlsx(byte[] bytes) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                return rows;
            }
            for (Row row : workbook.getSheetAt(0)) {
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(value(row.getCell(c)));
                }
                rows.add(cells);
                if (rows.size() > MAX_ROWS + 10) {
                    break;
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.EmptyFileException e) {
            throw ModuleProblem.badInput("file", "文件不是有效的 .xlsx 工作簿", "The file is not an .xlsx workbook");
        }
        return rows;
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : new BigDecimal(Double.toString(cell.getNumericCellValue()));
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            default -> null;
        };
    }

    private static List<List<Object>> csv(byte[] bytes) {
        String text = decode(bytes);
        List<List<Object>> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        char separator = lines.length > 0 && lines[0].indexOf('\t') >= 0 ? '\t' : ',';
        for (String line : lines) {
            rows.add(new ArrayList<>(split(line, separator)));
            if (rows.size() > MAX_ROWS + 10) {
                break;
            }
        }
        return rows;
    }

    /** UTF-8 (a byte-order mark is dropped) when the bytes are valid UTF-8, else GB18030. */
    private static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** One CSV line's cells (quotes as in RFC 4180, within the line). */
    private static List<String> split(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"' && (quoted || cell.length() == 0)) {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** A date cell: an Excel date, or text {@code 2023-10-20}, {@code 2023/10/20} or {@code 2023年10月20日}. */
    static LocalDate date(Object cell) {
        if (cell instanceof LocalDate d) {
            return d;
        }
        String s = cell.toString().strip().replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-")
                .replace("日", "");
        String[] p = s.split("-");
        if (p.length != 3) {
            throw new IllegalArgumentException(s);
        }
        return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }
}
