package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.Importer.RowProblem;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.Sql;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 农村公路月度统计表: one row per project and month, as bureaus keep it — 年月, 项目编号, 项目名称,
 * 项目类型, 乡镇, 当月完成里程（公里）, 当月完成投资（万元）, optionally 计划里程, 计划投资, 项目状态,
 * 完工日期 and 数据来源. The same layout is imported (.xlsx, or .csv for demo files) and exported
 * ({@code GET /statistics/{year}.xlsx}), so an exported workbook imports again unchanged.
 *
 * <p>Import rules. All or nothing: every row is checked first, every bad cell is reported with its
 * row number, column header and reason in Chinese, and if any row is bad nothing is written. A
 * project is found by 项目编号 within the month's year when given, else by 项目名称 and 乡镇 within
 * the year, and is created when absent (the year of a project is the year of its rows). Rows of the
 * same project must agree on its type and plan; a project and month may appear once. Re-importing
 * is idempotent: a month's figures replace what the month held; {@code accepted} counts rows that
 * changed something (figures, the project's plan, status or completion, a new project),
 * {@code skipped} rows that changed nothing. A project's status and completion date come from its
 * latest month in the file that states one; 完工日期 without 项目状态 means 已完工.
 */
final class MonthlyStatistics {

    static final String IMPORTER = "monthly-statistics";
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final BigDecimal MAX_KM = BigDecimal.valueOf(100_000);
    private static final BigDecimal MAX_WAN_YUAN = BigDecimal.valueOf(100_000_000);

    static final List<Sheet.Column> COLUMNS = List.of(
            new Sheet.Column("month", "年月", true, "月份", "统计月份", "month"),
            new Sheet.Column("code", "项目编号", false, "code", "projectcode"),
            new Sheet.Column("project", "项目名称", true, "项目", "project", "name"),
            new Sheet.Column("kind", "项目类型", true, "类型", "建设类型", "kind"),
            new Sheet.Column("town", "乡镇", false, "乡镇街道", "镇乡街道", "town"),
            new Sheet.Column("km", "当月完成里程（公里）", true, "完成里程", "km"),
            new Sheet.Column("wan_yuan", "当月完成投资（万元）", true, "完成投资", "wanyuan", "investment"),
            new Sheet.Column("planned_km", "计划里程（公里）", false, "plannedkm"),
            new Sheet.Column("planned_wan_yuan", "计划投资（万元）", false, "plannedwanyuan"),
            new Sheet.Column("status", "项目状态", false, "状态", "status"),
            new Sheet.Column("completed_on", "完工日期", false, "completedon"),
            new Sheet.Column("source", "数据来源", false, "来源", "备注", "source"));
    private static final Map<String, Sheet.Column> BY_KEY = COLUMNS.stream()
            .collect(Collectors.toMap(Sheet.Column::key, Function.identity()));

    /** One checked row. */
    record Report(long line, YearMonth month, String code, String project, String kind, String town, BigDecimal km,
                  BigDecimal wanYuan, BigDecimal plannedKm, BigDecimal plannedWanYuan, String status,
                  LocalDate completedOn, String source) {
        String projectKey() {
            return month.getYear() + "|" + (code != null ? "#" + code : project + "|" + Objects.toString(town, ""));
        }
    }

    /** What an import did and the months whose indicators change. */
    record Result(Importer.Outcome outcome, Set<YearMonth> months) {
    }

    private final ModuleData data;
    private final Projects projects;

    MonthlyStatistics(ModuleData data, Projects projects) {
        this.data = data;
        this.projects = projects;
    }

    /** Checks the whole file, then writes it in one transaction, or nothing when any row is bad. */
    Result importFile(BureauRef bureau, String fileName, InputStream content) throws IOException {
        Sheet.Table table = Sheet.read(fileName, content, COLUMNS);
        if (!table.problems().isEmpty()) {
            return rejected(table.problems());
        }
        List<RowProblem> problems = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        for (Sheet.Line line : table.lines()) {
            Report r = check(line, problems);
            if (r != null) {
                reports.add(r);
            }
        }
        if (table.lines().isEmpty()) {
            problems.add(new RowProblem(1, "file", "文件只有表头，没有数据行"));
        }
        checkAcrossRows(reports, problems);
        if (!problems.isEmpty()) {
            return rejected(problems);
        }
        return data.inBureau(bureau, sql -> {
            List<RowProblem> kinds = checkKinds(sql, reports);
            return kinds.isEmpty() ? write(sql, bureau, reports) : rejected(kinds);
        });
    }

    private static Result rejected(List<RowProblem> problems) {
        List<RowProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingLong(RowProblem::line));
        return new Result(new Importer.Outcome(0, 0, sorted), Set.of());
    }

    private static Report check(Sheet.Line line, List<RowProblem> problems) {
        RowCheck c = new RowCheck(line, BY_KEY, problems);
        YearMonth month = c.month("month");
        if (month != null && (month.getYear() < 2000 || month.getYear() > 2100)) {
            c.problem("month", "年份应在 2000 至 2100 之间");
        }
        String code = c.text("code", false);
        String project = c.text("project", true);
        String kind = c.code("kind", Labels.KINDS, true);
        String town = c.text("town", false);
        BigDecimal km = limit(c, "km", c.number("km", true), MAX_KM);
        BigDecimal wan = limit(c, "wan_yuan", c.number("wan_yuan", true), MAX_WAN_YUAN);
        BigDecimal plannedKm = limit(c, "planned_km", c.number("planned_km", false), MAX_KM);
        BigDecimal plannedWan = limit(c, "planned_wan_yuan", c.number("planned_wan_yuan", false), MAX_WAN_YUAN);
        String status = c.code("status", Labels.PROJECT_STATUSES, false);
        LocalDate completedOn = c.date("completed_on", false);
        if ("COMPLETED".equals(status) && completedOn == null && c.ok()) {
            c.problem("completed_on", "项目状态为已完工时须填写完工日期");
        }
        if (completedOn != null && status != null && !"COMPLETED".equals(status)) {
            c.problem("status", "填写了完工日期，项目状态应为已完工，而不是“" + Labels.PROJECT_STATUSES.zh(status) + "”");
        }
        if (completedOn != null && month != null && completedOn.getYear() != month.getYear()) {
            c.problem("completed_on", "完工日期 " + completedOn + " 不在本行年月所在的 " + month.getYear() + " 年");
        }
        if (!c.ok()) {
            return null;
        }
        return new Report(c.line(), month, code, project, kind, town, km, wan, plannedKm, plannedWan,
                completedOn != null ? "COMPLETED" : status, completedOn, c.text("source", false));
    }

    private static BigDecimal limit(RowCheck c, String key, BigDecimal v, BigDecimal max) {
        if (v != null && v.compareTo(max) >= 0) {
            c.problem(key, "数值过大：" + v.toPlainString());
            return null;
        }
        return v;
    }

    /** A project and month once; one type and one plan per project. */
    private static void checkAcrossRows(List<Report> reports, List<RowProblem> problems) {
        Map<String, Report> firstOfProject = new HashMap<>();
        Map<String, Report> firstOfMonth = new HashMap<>();
        for (Report r : reports) {
            Report month = firstOfMonth.putIfAbsent(r.projectKey() + "|" + r.month(), r);
            if (month != null) {
                problems.add(new RowProblem(r.line(), header("month"), "与第 " + month.line() + " 行是同一项目的同一月份（"
                        + r.month() + "），每个项目每月只填一行"));
            }
            Report first = firstOfProject.putIfAbsent(r.projectKey(), r);
            if (first == null) {
                continue;
            }
            if (!first.kind().equals(r.kind())) {
                problems.add(new RowProblem(r.line(), header("kind"), "同一项目在第 " + first.line() + " 行的类型为“"
                        + Labels.KINDS.zh(first.kind()) + "”，此行为“" + Labels.KINDS.zh(r.kind()) + "”"));
            }
            differs(first, r, first.plannedKm(), r.plannedKm(), "planned_km", problems);
            differs(first, r, first.plannedWanYuan(), r.plannedWanYuan(), "planned_wan_yuan", problems);
        }
    }

    private static void differs(Report first, Report r, BigDecimal a, BigDecimal b, String key, List<RowProblem> problems) {
        if (a != null && b != null && a.compareTo(b) != 0) {
            problems.add(new RowProblem(r.line(), header(key), "同一项目在第 " + first.line() + " 行为 " + a.toPlainString()
                    + "，此行为 " + b.toPlainString()));
        }
    }

    private static String header(String key) {
        return BY_KEY.get(key).header();
    }

    private Result write(Sql sql, BureauRef bureau, List<Report> reports) {
        Map<String, List<Report>> byProject = new LinkedHashMap<>();
        reports.forEach(r -> byProject.computeIfAbsent(r.projectKey(), k -> new ArrayList<>()).add(r));
        Set<Long> changedLines = new TreeSet<>();
        Set<YearMonth> months = new TreeSet<>();
        for (List<Report> rows : byProject.values()) {
            rows.sort(Comparator.comparing(Report::month));
            Report first = rows.get(0);
            BigDecimal plannedKm = rows.stream().map(Report::plannedKm).filter(Objects::nonNull).findFirst().orElse(null);
            BigDecimal plannedWan = rows.stream().map(Report::plannedWanYuan).filter(Objects::nonNull).findFirst().orElse(null);
            Projects.Project existing = find(sql, first);
            long id;
            if (existing == null) {
                id = Projects.insert(sql, bureau, first.month().getYear(), first.code(), first.project(), first.kind(),
                        first.town(), plannedKm, plannedWan);
                changedLines.add(first.line());
            } else {
                id = existing.id();
                if (!existing.kind().equals(first.kind())) {
                    // checkKinds ran first in this transaction: a difference now is a bug, not the file's fault
                    throw new IllegalStateException("project " + id + " changed its kind during the import");
                }
                if (sql.update("""
                        update rr_project set planned_km = coalesce(?, planned_km), planned_wan_yuan = coalesce(?, planned_wan_yuan)
                        where id = ? and (planned_km is distinct from coalesce(?, planned_km)
                                          or planned_wan_yuan is distinct from coalesce(?, planned_wan_yuan))""",
                        plannedKm, plannedWan, id, plannedKm, plannedWan) > 0) {
                    changedLines.add(first.line());
                }
            }
            for (Report r : rows) {
                months.add(r.month());
                if (Projects.write(sql, bureau, id, r.month(), r.km(), r.wanYuan(), r.source())) {
                    changedLines.add(r.line());
                }
            }
            Report stating = null;
            for (Report r : rows) {
                if (r.status() != null) {
                    stating = r;
                }
            }
            if (stating != null && sql.update("""
                    update rr_project set status = ?, completed_on = ?
                    where id = ? and (status is distinct from ? or completed_on is distinct from ?)""",
                    stating.status(), date(stating.completedOn()), id, stating.status(), date(stating.completedOn())) > 0) {
                changedLines.add(stating.line());
            }
        }
        long accepted = changedLines.size();
        return new Result(new Importer.Outcome(accepted, reports.size() - accepted, List.of()), months);
    }

    /**
     * The problems of rows whose project exists with another type; checked in the same transaction
     * before anything is written.
     */
    private static List<RowProblem> checkKinds(Sql sql, List<Report> reports) {
        List<RowProblem> problems = new ArrayList<>();
        for (Report r : reports) {
            Projects.Project p = find(sql, r);
            if (p != null && !p.kind().equals(r.kind())) {
                problems.add(new RowProblem(r.line(), header("kind"), "项目“" + p.name() + "”已登记为“"
                        + Labels.KINDS.zh(p.kind()) + "”，此行为“" + Labels.KINDS.zh(r.kind()) + "”"));
            }
        }
        return problems;
    }

    private static Projects.Project find(Sql sql, Report r) {
        if (r.code() != null) {
            return sql.queryOne("select " + Projects.COLUMNS + " from rr_project where year = ? and code = ?",
                    Projects::project, r.month().getYear(), r.code()).orElse(null);
        }
        return sql.queryOne("select " + Projects.COLUMNS
                        + " from rr_project where year = ? and name = ? and coalesce(town, '') = ? order by id limit 1",
                Projects::project, r.month().getYear(), r.project(), Objects.toString(r.town(), "")).orElse(null);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** The year's monthly reports as a workbook in the import's layout. */
    byte[] export(BureauRef bureau, int year) {
        Map<Long, Projects.Project> byId = new LinkedHashMap<>();
        projects.list(bureau, year).forEach(p -> byId.put(p.id(), p));
        List<Projects.MonthReport> months = projects.monthsOfYear(bureau, year);
        Map<Long, YearMonth> lastMonth = new HashMap<>();
        months.forEach(m -> lastMonth.merge(m.projectId(), m.month(), (a, b) -> a.isAfter(b) ? a : b));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("农村公路月度统计");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle head = workbook.createCellStyle();
            head.setFont(bold);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(COLUMNS.get(i).header());
                cell.setCellStyle(head);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            List<Long> order = new ArrayList<>(byId.keySet());
            months.sort(Comparator.comparing((Projects.MonthReport m) -> order.indexOf(m.projectId()))
                    .thenComparing(Projects.MonthReport::month));
            for (Projects.MonthReport m : months) {
                Projects.Project p = byId.get(m.projectId());
                boolean last = m.month().equals(lastMonth.get(p.id()));
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(m.month().toString());
                text(row, c++, p.code());
                row.createCell(c++).setCellValue(p.name());
                row.createCell(c++).setCellValue(Labels.KINDS.zh(p.kind()));
                text(row, c++, p.town());
                number(row, c++, m.km());
                number(row, c++, m.wanYuan());
                number(row, c++, p.plannedKm());
                number(row, c++, p.plannedWanYuan());
                text(row, c++, last ? Labels.PROJECT_STATUSES.zh(p.status()) : null);
                text(row, c++, last && p.completedOn() != null ? p.completedOn().toString() : null);
                text(row, c, m.source());
            }
            int[] widths = {9, 12, 30, 14, 10, 18, 18, 14, 14, 10, 12, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256 + 512);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int col, String value) {
        if (value != null) {
            row.createCell(col).setCellValue(value);
        }
    }

    private static void number(Row row, int col, BigDecimal value) {
        if (value != null) {
            row.createCell(col).setCellValue(value.doubleValue());
        }
    }
}
