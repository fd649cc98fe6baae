package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.Importer.RowProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one spreadsheet row's cells and notes every cell that is wrong, in Chinese, with the row
 * number and the column's header, instead of stopping at the first: an import reports every bad
 * row and cell at once, so a bureau fixes its file in one go. A wrong cell reads as null and marks
 * the row bad ({@link #ok()}).
 */
final class RowCheck {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*月?");

    private final Sheet.Line line;
    private final Map<String, Sheet.Column> columns;
    private final List<RowProblem> problems;
    private boolean ok = true;

    RowCheck(Sheet.Line line, Map<String, Sheet.Column> columns, List<RowProblem> problems) {
        this.line = line;
        this.columns = columns;
        this.problems = problems;
    }

    boolean ok() {
        return ok;
    }

    long line() {
        return line.number();
    }

    /** Notes a problem with the cell of column {@code key}. */
    void problem(String key, String message) {
        ok = false;
        Sheet.Column c = columns.get(key);
        problems.add(new RowProblem(line.number(), c == null ? key : c.header(), message));
    }

    String text(String key, boolean required) {
        String v = line.text(key);
        if (v == null && required) {
            problem(key, "不能为空");
        }
        return v;
    }

    /** A number of 0 or more; text with thousands separators is accepted. */
    BigDecimal number(String key, boolean required) {
        Object raw = line.raw(key);
        String v = line.text(key);
        if (v == null) {
            if (required) {
                problem(key, "不能为空");
            }
            return null;
        }
        try {
            BigDecimal n = raw instanceof BigDecimal b ? b : new BigDecimal(v.replace(",", "").replace("，", ""));
            if (n.signum() < 0) {
                problem(key, "不能为负数：" + v);
                return null;
            }
            return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
        } catch (NumberFormatException e) {
            problem(key, "应为数字，而不是“" + v + "”");
            return null;
        }
    }

    LocalDate date(String key, boolean required) {
        Object raw = line.raw(key);
        if (line.text(key) == null) {
            if (required) {
                problem(key, "不能为空");
            }
            return null;
        }
        try {
            return Sheet.date(raw);
        } catch (RuntimeException e) {
            problem(key, "应为日期，如 2023-10-20，而不是“" + line.text(key) + "”");
            return null;
        }
    }

    /** A month written {@code 2023-06}, {@code 2023/6}, {@code 2023年6月} or as a date in it. */
    YearMonth month(String key) {
        Object raw = line.raw(key);
        String v = line.text(key);
        if (v == null) {
            problem(key, "不能为空");
            return null;
        }
        if (raw instanceof LocalDate d) {
            return YearMonth.from(d);
        }
        Matcher m = MONTH.matcher(v);
        if (m.lookingAt()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(m.group(1)), month);
            }
        }
        problem(key, "应为年月，如 2023-06 或 2023年6月，而不是“" + v + "”");
        return null;
    }

    /** A code of {@code list}, written as its code or any of its Chinese or English spellings. */
    String code(String key, Labels.CodeList list, boolean required) {
        String v = text(key, required);
        if (v == null) {
            return null;
        }
        return list.read(v).orElseGet(() -> {
            problem(key, "“" + v + "”不是可选值，应为 " + list.choices() + " 之一");
            return null;
        });
    }
}
