package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.Importer.RowProblem;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.Sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * 港航建设项目: berth and channel projects with their investment (万元) and progress. Amounts a
 * document does not give stay empty (unknown), never 0. A monthly progress entry records the
 * investment completed in that month and the physical progress (形象进度) at its end; posting one
 * sets the project's completed investment to the sum of its entries, its progress to the latest
 * entry's, and moves it to 在建 (or 完工 at 100%). The {@code projects} import sets the same
 * columns directly for projects known from documents (upsert by name; see {@link #COLUMNS}).
 */
final class Projects {

    record Project(long id, ProjectKind kind, String name, String port, String area, BigDecimal totalWanYuan,
                   Integer year, BigDecimal annualWanYuan, BigDecimal completedWanYuan, BigDecimal progressPercent,
                   ProjectStatus status, LocalDate startOn, LocalDate finishOn, String source, List<Progress> progress) {
    }

    record Progress(YearMonth month, BigDecimal investedWanYuan, BigDecimal progressPercent, String note) {
    }

    /** The {@code projects} layout. */
    static final List<Columns.Column> COLUMNS = List.of(
            Columns.Column.of("name", "项目名称", true, "name"),
            Columns.Column.of("kind", "类型", true, "项目类型", "kind"),
            Columns.Column.of("port", "港口", false, "port"),
            Columns.Column.of("area", "作业区", false, "area"),
            Columns.Column.of("total", "总投资(万元)", false, "total_wan_yuan"),
            Columns.Column.of("year", "年度", false, "year").whole(),
            Columns.Column.of("annual", "年度计划投资(万元)", false, "annual_wan_yuan"),
            Columns.Column.of("completed", "累计完成投资(万元)", false, "completed_wan_yuan"),
            Columns.Column.of("progress", "形象进度(%)", false, "progress_percent"),
            Columns.Column.of("status", "状态", false, "status"),
            Columns.Column.of("startOn", "开工日期", false, "start_on"),
            Columns.Column.of("finishOn", "完工日期", false, "finish_on"),
            Columns.Column.of("source", "来源", false, "备注", "source"));

    private static final String SELECT = """
            select j.id, j.kind, j.name, p.name, a.name, j.total_wan_yuan, j.year, j.annual_wan_yuan, j.completed_wan_yuan,
                   j.progress_percent, j.status, j.start_on, j.finish_on, j.source
            from pt_project j left join pt_port p on p.id = j.port_id left join pt_area a on a.id = j.area_id""";

    private final ModuleData data;

    Projects(ModuleData data) {
        this.data = data;
    }

    List<Project> list(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> {
            Map<Long, List<Progress>> progress = new HashMap<>();
            sql.query("select project_id, month, invested_wan_yuan, progress_percent, note from pt_project_progress order by month",
                    rs -> progress.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Progress(
                            YearMonth.from(rs.getDate(2).toLocalDate()), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)),
                            rs.getString(5))));
            return sql.query(SELECT + " order by j.kind, j.name", rs -> project(rs, progress.getOrDefault(rs.getLong(1), List.of())));
        });
    }

    Project get(BureauRef bureau, long id) {
        return list(bureau).stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> ModuleProblem.notFound("没有编号为 " + id + " 的项目", "No project " + id));
    }

    long create(BureauRef bureau, Map<String, Object> json) {
        Body b = new Body(json);
        String name = b.text("name", "项目名称", true);
        ProjectKind kind = b.oneOf("kind", "项目类型", ProjectKind.class, true);
        BigDecimal year = b.number("year", "年度", 0, false);
        ProjectStatus status = b.oneOf("status", "状态", ProjectStatus.class, false);
        BigDecimal total = b.number("totalWanYuan", "总投资（万元）", 2, false);
        BigDecimal annual = b.number("annualWanYuan", "年度计划投资（万元）", 2, false);
        LocalDate start = b.date("startOn", "开工日期");
        LocalDate finish = b.date("finishOn", "完工日期");
        BigDecimal portId = b.number("portId", "港口", 0, false);
        BigDecimal areaId = b.number("areaId", "作业区", 0, false);
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from pt_project where name = ?", rs -> 1, name).isPresent()) {
                throw ModuleProblem.conflict("项目“" + name + "”已存在", "Project '" + name + "' exists");
            }
            if (portId != null && sql.queryOne("select 1 from pt_port where id = ?", rs -> 1, portId.longValue()).isEmpty()) {
                throw ModuleProblem.badInput("portId", "没有编号为 " + portId + " 的港口", "no port " + portId);
            }
            if (areaId != null && sql.queryOne("select 1 from pt_area where id = ?", rs -> 1, areaId.longValue()).isEmpty()) {
                throw ModuleProblem.badInput("areaId", "没有编号为 " + areaId + " 的作业区", "no operating area " + areaId);
            }
            return sql.queryOne("""
                    insert into pt_project (tenant_id, kind, name, port_id, area_id, total_wan_yuan, year, annual_wan_yuan,
                                            status, start_on, finish_on, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), bureau.code(), kind.name(),
                    name, portId == null ? null : portId.longValue(), areaId == null ? null : areaId.longValue(), total,
                    year == null ? null : year.intValue(), annual, (status == null ? ProjectStatus.PLANNED : status).name(),
                    start, finish, b.text("source", "来源", false)).orElseThrow();
        });
    }

    /** Records (or corrects) one month's progress entry and recomputes the project's totals. */
    Project progress(BureauRef bureau, long id, Map<String, Object> json) {
        Body b = new Body(json);
        YearMonth month = b.month("month", "月份");
        BigDecimal invested = b.number("investedWanYuan", "本月完成投资（万元）", 2, true);
        BigDecimal percent = b.number("progressPercent", "形象进度（%）", 2, true);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ModuleProblem.badInput("progressPercent", "形象进度不能超过 100%", "progress cannot exceed 100%");
        }
        get(bureau, id);
        data.inBureau(bureau, sql -> {
            sql.update("""
                    insert into pt_project_progress (tenant_id, project_id, month, invested_wan_yuan, progress_percent, note)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, project_id, month) do update set invested_wan_yuan = excluded.invested_wan_yuan,
                        progress_percent = excluded.progress_percent, note = excluded.note""",
                    bureau.code(), id, Date.valueOf(month.atDay(1)), invested, percent, b.text("note", "说明", false));
            return sql.update("""
                    update pt_project j set completed_wan_yuan = s.total, progress_percent = s.latest,
                           status = case when s.latest >= 100 then 'COMPLETED' when s.latest > 0 then 'UNDER_WAY' else j.status end
                    from (select sum(invested_wan_yuan) as total,
                                 (array_agg(progress_percent order by month desc))[1] as latest
                          from pt_project_progress where project_id = ?) s
                    where j.id = ?""", id, id);
        });
        return get(bureau, id);
    }

    private record ProjectLine(String name, ProjectKind kind, String port, String area, BigDecimal total, Integer year,
                               BigDecimal annual, BigDecimal completed, BigDecimal progress, ProjectStatus status,
                               LocalDate startOn, LocalDate finishOn, String source) {
    }

    /** Reads the projects file; all or nothing. */
    Importer.Outcome importFile(BureauRef bureau, List<Tables.Table> tables, BinaryOperator<String> text) {
        List<RowProblem> problems = new ArrayList<>();
        List<ProjectLine> lines = new ArrayList<>();
        List<Ports.AreaRef> areas = data.readInBureau(bureau, Ports::areas);
        Map<String, Long> seen = new HashMap<>();
        for (Tables.Table table : tables) {
            if (!Columns.has(table.header(), COLUMNS.get(0))) {
                continue;
            }
            Columns c = new Columns(COLUMNS, table, text, "", problems);
            if (!c.complete()) {
                continue;
            }
            for (Tables.Line l : table.lines()) {
                int before = problems.size();
                String name = c.text(l, "name");
                ProjectKind kind = c.oneOf(l, "kind", ProjectKind.class);
                String port = c.text(l, "port");
                String area = c.text(l, "area");
                if (port != null && areas.stream().noneMatch(a -> a.port().equals(port))) {
                    c.problem(l, "port", "没有港口“" + port + "”", "no port '" + port + "'");
                } else if (area != null && areas.stream().noneMatch(a -> a.port().equals(port) && a.area().equals(area))) {
                    c.problem(l, "area", "港口“" + port + "”没有作业区“" + area + "”", "no operating area '" + area + "'");
                }
                BigDecimal progress = c.number(l, "progress");
                if (progress != null && progress.compareTo(BigDecimal.valueOf(100)) > 0) {
                    c.problem(l, "progress", "形象进度不能超过 100%", "progress cannot exceed 100%");
                }
                Long first = name == null ? null : seen.putIfAbsent(name, l.number());
                if (first != null) {
                    c.problem(l, "name", "与第 " + first + " 行重复", "repeats line " + first);
                }
                BigDecimal year = c.number(l, "year");
                ProjectLine p = new ProjectLine(name, kind, port, area, c.number(l, "total"), year == null ? null : year.intValue(),
                        c.number(l, "annual"), c.number(l, "completed"), progress, c.oneOf(l, "status", ProjectStatus.class),
                        c.date(l, "startOn"), c.date(l, "finishOn"), c.text(l, "source"));
                if (problems.size() == before) {
                    lines.add(p);
                }
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(1, "项目名称", text.apply("文件中没有项目（表头须含“项目名称”）",
                    "the file has no projects (the header needs 项目名称)")));
        }
        if (!problems.isEmpty()) {
            return new Importer.Outcome(0, 0, problems);
        }
        long[] counts = new long[2];
        data.inBureau(bureau, sql -> {
            for (ProjectLine p : lines) {
                counts[upsert(bureau, sql, p) ? 0 : 1]++;
            }
            return null;
        });
        return new Importer.Outcome(counts[0], counts[1], List.of());
    }

    private static boolean upsert(BureauRef bureau, Sql sql, ProjectLine p) {
        Long portId = p.port() == null ? null
                : sql.queryOne("select id from pt_port where name = ?", rs -> rs.getLong(1), p.port()).orElseThrow();
        Long areaId = p.area() == null ? null : sql.queryOne("select id from pt_area where port_id = ? and name = ?",
                rs -> rs.getLong(1), portId, p.area()).orElseThrow();
        return sql.update("""
                insert into pt_project (tenant_id, kind, name, port_id, area_id, total_wan_yuan, year, annual_wan_yuan,
                                        completed_wan_yuan, progress_percent, status, start_on, finish_on, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, name) do update set kind = excluded.kind, port_id = excluded.port_id,
                    area_id = excluded.area_id, total_wan_yuan = excluded.total_wan_yuan, year = excluded.year,
                    annual_wan_yuan = excluded.annual_wan_yuan, completed_wan_yuan = excluded.completed_wan_yuan,
                    progress_percent = excluded.progress_percent, status = excluded.status, start_on = excluded.start_on,
                    finish_on = excluded.finish_on, source = excluded.source
                where (pt_project.kind, pt_project.port_id, pt_project.area_id, pt_project.total_wan_yuan, pt_project.year,
                       pt_project.annual_wan_yuan, pt_project.completed_wan_yuan, pt_project.progress_percent,
                       pt_project.status, pt_project.start_on, pt_project.finish_on, pt_project.source)
                      is distinct from (excluded.kind, excluded.port_id, excluded.area_id, excluded.total_wan_yuan,
                       excluded.year, excluded.annual_wan_yuan, excluded.completed_wan_yuan, excluded.progress_percent,
                       excluded.status, excluded.start_on, excluded.finish_on, excluded.source)""",
                bureau.code(), p.kind().name(), p.name(), portId, areaId, p.total(), p.year(), p.annual(), p.completed(),
                p.progress(), (p.status() == null ? ProjectStatus.PLANNED : p.status()).name(), p.startOn(), p.finishOn(),
                p.source()) > 0;
    }

    private static Project project(ResultSet rs, List<Progress> progress) throws SQLException {
        Object year = rs.getObject(7);
        Date start = rs.getDate(12);
        Date finish = rs.getDate(13);
        return new Project(rs.getLong(1), ProjectKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), plain(rs.getBigDecimal(6)), year == null ? null : ((Number) year).intValue(),
                plain(rs.getBigDecimal(8)), plain(rs.getBigDecimal(9)), plain(rs.getBigDecimal(10)),
                ProjectStatus.valueOf(rs.getString(11)), start == null ? null : start.toLocalDate(),
                finish == null ? null : finish.toLocalDate(), rs.getString(14), progress);
    }

    private static BigDecimal plain(BigDecimal v) {
        return MonthlyStatistics.plain(v);
    }
}
