package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.Importer.RowProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of one import layout and the reading of its cells. Headers are matched loosely
 * (spaces ignored, full-width brackets as half-width, English names accepted), so a clerk's
 * {@code 吞吐量（万吨）} and an export's {@code 吞吐量(万吨)} are the same column. Every bad cell
 * becomes a {@link RowProblem} naming the line, the column's header as written in the file and
 * the reason; reading goes on so that one pass reports every problem of the file.
 */
final class Columns {

    /**
     * A column: its key, the Chinese header the export writes, and other accepted headers.
     *
     * @param required  whether the file must have the column (and its cells must be filled, unless {@code blanks})
     * @param unitScale decimals kept for numbers (万吨 to four places: one tonne), or 0 for whole numbers
     * @param blanks    whether an empty cell of a required column is allowed (an unknown figure)
     */
    record Column(String key, String header, boolean required, int unitScale, boolean blanks, List<String> aliases) {

        static Column of(String key, String header, boolean required, String... aliases) {
            return new Column(key, header, required, 4, false, List.of(aliases));
        }

        Column whole() {
            return new Column(key, header, required, 0, blanks, aliases);
        }

        /** The column must be there, but an empty cell is an unknown figure. */
        Column blanksAllowed() {
            return new Column(key, header, required, unitScale, true, aliases);
        }
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*(?:月|[-/.]\\d{1,2}日?)?");

    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final BinaryOperator<String> text;
    private final List<RowProblem> problems;
    private final String where;

    /**
     * Matches {@code header} against {@code columns}; a missing required column is a problem at the
     * header's line.
     *
     * @param text  chooses the Chinese or the English message
     * @param where a prefix for messages when a workbook has several sheets, e.g. {@code 工作表“水路运输”：}
     */
    Columns(List<Column> columns, Tables.Table table, BinaryOperator<String> text, String where, List<RowProblem> problems) {
        this.columns = columns;
        this.text = text;
        this.problems = problems;
        this.where = where;
        for (int i = 0; i < table.header().size(); i++) {
            String h = normal(table.header().get(i));
            for (Column c : columns) {
                if (!index.containsKey(c.key()) && (h.equals(normal(c.header())) || c.aliases().stream().anyMatch(a -> normal(a).equals(h)))) {
                    index.put(c.key(), i);
                    headers.put(c.key(), table.header().get(i));
                }
            }
        }
        for (Column c : columns) {
            if (c.required() && !index.containsKey(c.key())) {
                problems.add(new RowProblem(table.headerLine(), c.header(),
                        where + text.apply("缺少列“" + c.header() + "”", "column '" + c.header() + "' is missing")));
            }
        }
    }

    /** Whether {@code header} has a column matching one of {@code keys} (to recognise a layout). */
    static boolean has(List<String> header, Column column) {
        return header.stream().map(Columns::normal)
                .anyMatch(h -> h.equals(normal(column.header())) || column.aliases().stream().anyMatch(a -> normal(a).equals(h)));
    }

    /** Whether every required column was found. */
    boolean complete() {
        return columns.stream().noneMatch(c -> c.required() && !index.containsKey(c.key()));
    }

    /** The header of a column as the file writes it (or the export's, when the file lacks it). */
    String header(String key) {
        return headers.getOrDefault(key, columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().header());
    }

    /** The cell of a column, or empty. */
    String raw(Tables.Line line, String key) {
        Integer i = index.get(key);
        return i == null ? "" : line.cell(i);
    }

    /** The cell's text, or null when empty; a problem when it is empty and the column is required. */
    String text(Tables.Line line, String key) {
        String v = raw(line, key);
        if (v.isEmpty()) {
            if (column(key).required() && !column(key).blanks()) {
                problem(line, key, "不能为空", "must not be empty");
            }
            return null;
        }
        return v;
    }

    /** A number of 0 or more with at most the column's decimals, or null when empty. */
    BigDecimal number(Tables.Line line, String key) {
        String v = text(line, key);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.replace(",", ""));
            if (n.signum() < 0) {
                problem(line, key, "不能为负数：" + v, "must not be negative: " + v);
                return null;
            }
            int scale = column(key).unitScale();
            if (n.stripTrailingZeros().scale() > scale) {
                problem(line, key, scale == 0 ? "应为整数：" + v : "小数不超过 " + scale + " 位：" + v,
                        scale == 0 ? "must be a whole number: " + v : "at most " + scale + " decimals: " + v);
                return null;
            }
            return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
        } catch (NumberFormatException e) {
            problem(line, key, "应为数字，而不是“" + v + "”", "must be a number, not '" + v + "'");
            return null;
        }
    }

    /** A month written {@code 2023-06}, {@code 2023/6}, {@code 2023年6月} or as a date of that month. */
    YearMonth month(Tables.Line line, String key) {
        String v = text(line, key);
        if (v == null) {
            return null;
        }
        Matcher m = MONTH.matcher(v);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(1));
            if (month >= 1 && month <= 12 && year >= 2000 && year <= 2100) {
                return YearMonth.of(year, month);
            }
        }
        problem(line, key, "月份应写作 2023-06 或 2023年6月，而不是“" + v + "”", "a month is written 2023-06, not '" + v + "'");
        return null;
    }

    /** A date written {@code 2023-06-30}. */
    LocalDate date(Tables.Line line, String key) {
        String v = text(line, key);
        try {
            return v == null ? null : LocalDate.parse(v.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problem(line, key, "日期应写作 2023-06-30，而不是“" + v + "”", "a date is written 2023-06-30, not '" + v + "'");
            return null;
        }
    }

    /** One of a code list, by its Chinese or English word or its code. */
    <E extends Enum<E> & Labelled> E oneOf(Tables.Line line, String key, Class<E> type) {
        String v = text(line, key);
        if (v == null) {
            return null;
        }
        return Labelled.parse(type, v).orElseGet(() -> {
            problem(line, key, "“" + v + "”不是可选值（" + Labelled.choicesZh(type) + "）",
                    "'" + v + "' is not one of " + Labelled.choicesEn(type));
            return null;
        });
    }

    /** Adds a problem about a cell of {@code line}. */
    void problem(Tables.Line line, String key, String zh, String en) {
        problems.add(new RowProblem(line.number(), header(key), where + text.apply(zh, en)));
    }

    private Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + key));
    }

    private static String normal(String header) {
        return header.strip().replace(" ", "").replace('（', '(').replace('）', ')').replace('：', ':')
                .toLowerCase(Locale.ROOT);
    }
}
