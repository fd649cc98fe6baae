package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.Sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 农村公路项目 and their monthly reports. A project's progress is kept month by month
 * ({@code rr_project_month}: km completed and 万元 invested in the month); its cumulative
 * {@code completed_km} and {@code invested_wan_yuan} are always the sums of its months, rewritten
 * with every change, so lists and the first version's readers see the same figures.
 *
 * <p>The cumulative form of reporting ({@link #progress}) stays: "completed so far 107.5 km" is
 * recorded as the month's figure = the new total minus what the other months already hold. The
 * month is the one named in the request, else the completion date's, else the current month.
 */
final class Projects {

    /** A project of a year; {@code completedKm} and {@code investedWanYuan} are the sums of its months. */
    public record Project(long id, int year, String code, String name, String kind, String town, BigDecimal plannedKm,
                          BigDecimal completedKm, BigDecimal plannedWanYuan, BigDecimal investedWanYuan, String status,
                          LocalDate completedOn) {
    }

    /** One month's report of a project. */
    public record MonthReport(long projectId, YearMonth month, BigDecimal km, BigDecimal wanYuan, String source) {
    }

    /**
     * A year's projects of one kind together: how many, planned and completed km and 万元, and the
     * completion of the plan in per cent (one decimal; null without a plan).
     */
    public record KindTotal(String kind, int projects, int completed, BigDecimal plannedKm, BigDecimal completedKm,
                            BigDecimal kmPercent, BigDecimal plannedWanYuan, BigDecimal investedWanYuan,
                            BigDecimal investmentPercent) {
    }

    static final String COLUMNS = """
            id, year, code, name, kind, town, planned_km, completed_km, planned_wan_yuan, invested_wan_yuan, status, completed_on""";

    /** The kinds in the order of {@link Labels#KINDS}, as lists and exports show them. */
    private static final String KIND_ORDER = "{" + String.join(",", Labels.KINDS.codes()) + "}";

    private final ModuleData data;

    Projects(ModuleData data) {
        this.data = data;
    }

    List<Project> list(BureauRef bureau, int year) {
        return data.readInBureau(bureau, sql -> sql.query(
                "select " + COLUMNS + " from rr_project where year = ? order by array_position(?::text[], kind), town nulls first, name, id",
                Projects::project, year, KIND_ORDER));
    }

    Project get(BureauRef bureau, long id) {
        return data.readInBureau(bureau, sql -> find(sql, id));
    }

    /** Creates a project from a JSON body; returns its id. */
    long create(BureauRef bureau, Map<String, Object> body) {
        Fields f = new Fields(body);
        BigDecimal year = f.number("year", true);
        if (year.intValue() < 2000 || year.intValue() > 2100) {
            throw ModuleProblem.badInput("year", "year 应为年份，如 2023", "year is a year such as 2023");
        }
        String name = f.text("name", true);
        String kind = f.oneOf("kind", Set.copyOf(Labels.KINDS.codes()), true);
        String code = f.text("code", false);
        return data.inBureau(bureau, sql -> {
            if (code != null && sql.queryOne("select 1 from rr_project where year = ? and code = ?", rs -> 1,
                    year.intValue(), code).isPresent()) {
                throw ModuleProblem.conflict("项目编号 " + code + " 在 " + year.intValue() + " 年已存在",
                        "Project code " + code + " exists in " + year.intValue());
            }
            return insert(sql, bureau, year.intValue(), code, name, kind, f.text("town", false),
                    f.number("plannedKm", false), f.number("plannedWanYuan", false));
        });
    }

    static long insert(Sql sql, BureauRef bureau, int year, String code, String name, String kind, String town,
                       BigDecimal plannedKm, BigDecimal plannedWanYuan) {
        return sql.queryOne("""
                insert into rr_project (tenant_id, year, code, name, kind, town, planned_km, planned_wan_yuan)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), bureau.code(), year, code, name,
                kind, town, plannedKm, plannedWanYuan).orElseThrow();
    }

    /**
     * Records cumulative progress ({@code completedKm}, {@code investedWanYuan} so far) and status;
     * returns the months whose figures changed.
     */
    Set<YearMonth> progress(BureauRef bureau, long id, Map<String, Object> body, YearMonth currentMonth) {
        Fields f = new Fields(body);
        BigDecimal km = f.number("completedKm", false);
        BigDecimal invested = f.number("investedWanYuan", false);
        String status = f.oneOf("status", Set.copyOf(Labels.PROJECT_STATUSES.codes()), false);
        LocalDate completedOn = f.date("completedOn");
        YearMonth named = f.month("month");
        if ("COMPLETED".equals(status) && completedOn == null && get(bureau, id).completedOn() == null) {
            throw ModuleProblem.badInput("completedOn", "完工的项目须填写完工日期", "a completed project needs completedOn");
        }
        YearMonth month = named != null ? named : completedOn != null ? YearMonth.from(completedOn) : currentMonth;
        return data.inBureau(bureau, sql -> {
            find(sql, id);
            Set<YearMonth> touched = new java.util.HashSet<>();
            if (km != null || invested != null) {
                BigDecimal[] others = sql.queryOne("""
                        select coalesce(sum(km), 0), coalesce(sum(wan_yuan), 0) from rr_project_month
                        where project_id = ? and month <> ?""", rs -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)},
                        id, Date.valueOf(month.atDay(1))).orElseThrow();
                MonthReport current = month(sql, id, month);
                BigDecimal monthKm = km == null ? (current == null ? BigDecimal.ZERO : current.km()) : km.subtract(others[0]);
                BigDecimal monthWan = invested == null ? (current == null ? BigDecimal.ZERO : current.wanYuan())
                        : invested.subtract(others[1]);
                if (monthKm.signum() < 0) {
                    throw ModuleProblem.badInput("completedKm", "累计完成里程 " + km.toPlainString() + " 公里小于其他月份已填报的 "
                            + others[0].stripTrailingZeros().toPlainString() + " 公里",
                            "completedKm " + km.toPlainString() + " is less than the other months' " + others[0].toPlainString());
                }
                if (monthWan.signum() < 0) {
                    throw ModuleProblem.badInput("investedWanYuan", "累计完成投资 " + invested.toPlainString() + " 万元小于其他月份已填报的 "
                            + others[1].stripTrailingZeros().toPlainString() + " 万元",
                            "investedWanYuan is less than the other months' " + others[1].toPlainString());
                }
                if (write(sql, bureau, id, month, monthKm, monthWan, current == null ? null : current.source())) {
                    touched.add(month);
                }
            }
            setStatus(sql, id, status, completedOn);
            return touched;
        });
    }

    /** Records one month's report of a project, replacing what the month held; returns whether it changed. */
    boolean recordMonth(BureauRef bureau, long id, YearMonth month, BigDecimal km, BigDecimal wanYuan, String source) {
        return data.inBureau(bureau, sql -> {
            find(sql, id);
            return write(sql, bureau, id, month, km, wanYuan, source);
        });
    }

    /** Removes a month's report (the month becomes unknown again for this project); returns whether there was one. */
    boolean removeMonth(BureauRef bureau, long id, YearMonth month) {
        return data.inBureau(bureau, sql -> {
            find(sql, id);
            boolean removed = sql.update("delete from rr_project_month where project_id = ? and month = ?", id,
                    Date.valueOf(month.atDay(1))) > 0;
            refreshTotals(sql, id);
            return removed;
        });
    }

    /** Writes a month's figures unless they are already there; keeps the project's totals. */
    static boolean write(Sql sql, BureauRef bureau, long id, YearMonth month, BigDecimal km, BigDecimal wanYuan,
                         String source) {
        MonthReport current = month(sql, id, month);
        if (current != null && current.km().compareTo(km) == 0 && current.wanYuan().compareTo(wanYuan) == 0
                && java.util.Objects.equals(current.source(), source)) {
            return false;
        }
        sql.update("""
                insert into rr_project_month (tenant_id, project_id, month, km, wan_yuan, source) values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, project_id, month) do update
                set km = excluded.km, wan_yuan = excluded.wan_yuan, source = excluded.source, updated_at = now()""",
                bureau.code(), id, Date.valueOf(month.atDay(1)), km, wanYuan, source);
        refreshTotals(sql, id);
        return true;
    }

    /** Sets status and completion date when given; returns whether anything changed. */
    static boolean setStatus(Sql sql, long id, String status, LocalDate completedOn) {
        if (status == null && completedOn == null) {
            return false;
        }
        return sql.update("""
                update rr_project set status = coalesce(?, status), completed_on = coalesce(?, completed_on)
                where id = ? and (status is distinct from coalesce(?, status) or completed_on is distinct from coalesce(?, completed_on))""",
                status, completedOn == null ? null : Date.valueOf(completedOn), id,
                status, completedOn == null ? null : Date.valueOf(completedOn)) > 0;
    }

    private static void refreshTotals(Sql sql, long id) {
        sql.update("""
                update rr_project p set completed_km = coalesce(m.km, 0), invested_wan_yuan = coalesce(m.wan_yuan, 0)
                from (select sum(km) km, sum(wan_yuan) wan_yuan from rr_project_month where project_id = ?) m
                where p.id = ?""", id, id);
    }

    List<MonthReport> months(BureauRef bureau, long id) {
        return data.readInBureau(bureau, sql -> {
            find(sql, id);
            return sql.query("select project_id, month, km, wan_yuan, source from rr_project_month where project_id = ? order by month",
                    Projects::monthReport, id);
        });
    }

    /** Every month report of the projects of {@code year}, by project then month. */
    List<MonthReport> monthsOfYear(BureauRef bureau, int year) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select m.project_id, m.month, m.km, m.wan_yuan, m.source from rr_project_month m
                join rr_project p on p.id = m.project_id where p.year = ? order by m.project_id, m.month""",
                Projects::monthReport, year));
    }

    /** The year's projects by kind, in the order of {@link Labels#KINDS}; kinds without projects are left out. */
    List<KindTotal> byKind(BureauRef bureau, int year) {
        Map<String, KindTotal> byKind = new LinkedHashMap<>();
        data.readInBureau(bureau, sql -> sql.query("""
                select kind, count(*), count(*) filter (where status = 'COMPLETED'), sum(planned_km), sum(completed_km),
                       sum(planned_wan_yuan), sum(invested_wan_yuan)
                from rr_project where year = ? group by kind""", rs -> {
            BigDecimal plannedKm = rs.getBigDecimal(4);
            BigDecimal doneKm = rs.getBigDecimal(5);
            BigDecimal plannedWan = rs.getBigDecimal(6);
            BigDecimal doneWan = rs.getBigDecimal(7);
            byKind.put(rs.getString(1), new KindTotal(rs.getString(1), rs.getInt(2), rs.getInt(3), plannedKm, doneKm,
                    percent(doneKm, plannedKm), plannedWan, doneWan, percent(doneWan, plannedWan)));
            return 1;
        }, year));
        List<KindTotal> out = new ArrayList<>();
        for (String k : Labels.KINDS.codes()) {
            if (byKind.containsKey(k)) {
                out.add(byKind.get(k));
            }
        }
        return out;
    }

    /** {@code done ÷ plan × 100} with one decimal, or null without a plan. */
    static BigDecimal percent(BigDecimal done, BigDecimal plan) {
        if (done == null || plan == null || plan.signum() == 0) {
            return null;
        }
        return done.multiply(BigDecimal.valueOf(100)).divide(plan, 1, RoundingMode.HALF_UP);
    }

    static Project find(Sql sql, long id) {
        return sql.queryOne("select " + COLUMNS + " from rr_project where id = ?", Projects::project, id)
                .orElseThrow(() -> ModuleProblem.notFound("没有编号为 " + id + " 的项目", "No project " + id));
    }

    private static MonthReport month(Sql sql, long id, YearMonth month) {
        return sql.queryOne("select project_id, month, km, wan_yuan, source from rr_project_month where project_id = ? and month = ?",
                Projects::monthReport, id, Date.valueOf(month.atDay(1))).orElse(null);
    }

    private static MonthReport monthReport(ResultSet rs) throws SQLException {
        return new MonthReport(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getString(5));
    }

    static Project project(ResultSet rs) throws SQLException {
        Date done = rs.getDate(12);
        return new Project(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getString(11), done == null ? null : done.toLocalDate());
    }

    /** The years that have projects, and {@code current}, latest first. */
    List<Integer> years(BureauRef bureau, int current) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        years.add(current);
        years.addAll(data.readInBureau(bureau, sql -> sql.query("select distinct year from rr_project", rs -> rs.getInt(1))));
        return List.copyOf(years);
    }

    /** The latest month of {@code year} that has a report, if any. */
    java.util.Optional<YearMonth> latestMonth(BureauRef bureau, int year) {
        return data.readInBureau(bureau, sql -> sql.queryOne("""
                select max(month) from rr_project_month where month >= ? and month < ?""",
                rs -> rs.getDate(1) == null ? null : YearMonth.from(rs.getDate(1).toLocalDate()),
                Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1))))
                .filter(java.util.Objects::nonNull);
    }

    /** The latest month with a report in any year, if any: where a page opens by default. */
    java.util.Optional<YearMonth> latestReport(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.queryOne("select max(month) from rr_project_month",
                rs -> rs.getDate(1) == null ? null : YearMonth.from(rs.getDate(1).toLocalDate())))
                .filter(java.util.Objects::nonNull);
    }
}
