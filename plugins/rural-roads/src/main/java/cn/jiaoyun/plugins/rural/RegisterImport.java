package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.Importer.RowProblem;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.Sql;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The import of one register (segments, inspections, towns, bay stops, logistics points) from a
 * spreadsheet, with the rules of every import of the module: every row is checked first, and
 * checked again against the bureau's data in the writing transaction; if any row is bad nothing is
 * written and every problem is reported with row, column and reason; a row is keyed by its natural
 * key, so a key may appear once in a file and importing the file again changes nothing
 * ({@code accepted} counts rows that changed something, {@code skipped} rows that did not).
 *
 * @param <T> one checked row
 */
final class RegisterImport<T> {

    /** Reads one row's cells; returns null when a cell is bad (the check holds the problems). */
    interface Reader<T> {
        T read(RowCheck check);
    }

    /** A problem a row has only against the bureau's data (an unknown route code …), or null. */
    interface Verifier<T> {
        String problem(Sql sql, T row);
    }

    /** Writes one row; returns whether it changed anything. */
    interface Writer<T> {
        boolean write(Sql sql, BureauRef bureau, T row);
    }

    /** What an import did, and the days whose months' indicators change. */
    record Result(Importer.Outcome outcome, Set<LocalDate> days) {
    }

    private record Row<T>(long line, T value) {
    }

    private final List<Sheet.Column> columns;
    private final Map<String, Sheet.Column> byKey;
    private final Reader<T> reader;
    private final Function<T, String> key;
    private final String keyColumn;
    private final Verifier<T> verifier;
    private final String verifiedColumn;
    private final Writer<T> writer;
    private final Function<T, LocalDate> day;

    /**
     * @param key            the row's natural key; {@code keyColumn} is the column a duplicate is reported on
     * @param verifier       checks a row against the bureau's data; its problem is reported on {@code verifiedColumn}
     * @param day            the day whose month's indicators a row moves, or null for none
     */
    RegisterImport(List<Sheet.Column> columns, Reader<T> reader, Function<T, String> key, String keyColumn,
                   Verifier<T> verifier, String verifiedColumn, Writer<T> writer, Function<T, LocalDate> day) {
        this.columns = List.copyOf(columns);
        this.byKey = columns.stream().collect(Collectors.toMap(Sheet.Column::key, Function.identity()));
        this.reader = reader;
        this.key = key;
        this.keyColumn = keyColumn;
        this.verifier = verifier;
        this.verifiedColumn = verifiedColumn;
        this.writer = writer;
        this.day = day;
    }

    List<Sheet.Column> columns() {
        return columns;
    }

    Result run(ModuleData data, BureauRef bureau, String fileName, InputStream content) throws IOException {
        Sheet.Table table = Sheet.read(fileName, content, columns);
        if (!table.problems().isEmpty()) {
            return rejected(table.problems());
        }
        List<RowProblem> problems = new ArrayList<>();
        List<Row<T>> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Sheet.Line line : table.lines()) {
            T value = reader.read(new RowCheck(line, byKey, problems));
            if (value == null) {
                continue;
            }
            Long before = seen.putIfAbsent(key.apply(value), line.number());
            if (before != null) {
                problems.add(new RowProblem(line.number(), byKey.get(keyColumn).header(), "与第 " + before + " 行重复"));
                continue;
            }
            rows.add(new Row<>(line.number(), value));
        }
        if (table.lines().isEmpty()) {
            problems.add(new RowProblem(1, "file", "文件只有表头，没有数据行"));
        }
        if (!problems.isEmpty()) {
            return rejected(problems);
        }
        return data.inBureau(bureau, sql -> {
            List<RowProblem> against = new ArrayList<>();
            for (Row<T> r : rows) {
                String problem = verifier == null ? null : verifier.problem(sql, r.value());
                if (problem != null) {
                    against.add(new RowProblem(r.line(), byKey.get(verifiedColumn).header(), problem));
                }
            }
            if (!against.isEmpty()) {
                return rejected(against);
            }
            long changed = 0;
            Set<LocalDate> days = new TreeSet<>();
            for (Row<T> r : rows) {
                if (writer.write(sql, bureau, r.value())) {
                    changed++;
                }
                LocalDate d = day == null ? null : day.apply(r.value());
                if (d != null) {
                    days.add(d);
                }
            }
            return new Result(new Importer.Outcome(changed, rows.size() - changed, List.of()), days);
        });
    }

    private Result rejected(List<RowProblem> problems) {
        List<RowProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingLong(RowProblem::line));
        return new Result(new Importer.Outcome(0, 0, sorted), Set.of());
    }
}
