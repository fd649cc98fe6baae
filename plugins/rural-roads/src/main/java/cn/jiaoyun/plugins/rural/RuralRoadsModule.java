package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Endpoint;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Aggregation;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Direction;
import cn.jiaoyun.plugin.api.JiaoyunModule;
import cn.jiaoyun.plugin.api.ModuleContext;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.ModuleRequest;
import cn.jiaoyun.plugin.api.ModuleResponse;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 四好农村路: the rural road network and the year's projects (upgrading, eliminating sub-standard
 * roads, new links, 大中修, 危桥改造, safety works, lighting) with planned and completed km and
 * investment in 万元; completed km are published monthly as indicators. Demonstration towns, bay
 * stops, logistics points and inspections are still to come.
 */
@Extension
public class RuralRoadsModule implements JiaoyunModule {

    static final String KM_UPGRADED = "rural.km_upgraded";
    static final String KM_REPAIRED = "rural.km_repaired";
    static final String KM_ELIMINATED = "rural.km_substandard_eliminated";
    static final Set<String> CLASSES = Set.of("COUNTY", "TOWNSHIP", "VILLAGE");
    static final Set<String> GRADES = Set.of("EXPRESSWAY", "GRADE_1", "GRADE_2", "GRADE_3", "GRADE_4", "SUBSTANDARD");
    static final Set<String> KINDS = Set.of("UPGRADE", "ELIMINATE_SUBSTANDARD", "NEW_LINK", "MAJOR_REPAIR",
            "DANGEROUS_BRIDGE", "SAFETY", "LIGHTING");
    static final Set<String> STATUSES = Set.of("PLANNED", "UNDER_WAY", "COMPLETED");
    private static final String ADMIN = "BUREAU_ADMIN";

    /** A road segment. */
    public record Segment(long id, String routeCode, String name, String adminClass, String technicalGrade,
                          BigDecimal lengthKm, String surface, String town) {
    }

    /** A project of a year. */
    public record Project(long id, int year, String name, String kind, String town, BigDecimal plannedKm,
                          BigDecimal completedKm, BigDecimal plannedWanYuan, BigDecimal investedWanYuan, String status,
                          LocalDate completedOn) {
    }

    private ModuleContext context;

    @Override
    public void start(ModuleContext context) {
        this.context = context;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(
                new IndicatorDefinition(KM_UPGRADED, "改造提升农村公路里程", "Rural road km upgraded", "公里", Aggregation.SUM, Direction.HIGHER, true),
                new IndicatorDefinition(KM_REPAIRED, "农村公路大中修里程", "Rural road km of major and medium repair", "公里", Aggregation.SUM, Direction.HIGHER, true),
                new IndicatorDefinition(KM_ELIMINATED, "消除等外公路里程", "Sub-standard road km eliminated", "公里", Aggregation.SUM, Direction.HIGHER, true));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/segments", r -> ModuleResponse.ok(context.data().readInBureau(r.bureau(), sql -> sql.query(
                        "select " + SEGMENT + " from rr_segment order by route_code", RuralRoadsModule::segment)))),
                Endpoint.post("/segments", r -> ModuleResponse.created(Map.of("id", createSegment(r)))).forRoles(ADMIN),
                Endpoint.get("/projects", r -> ModuleResponse.ok(context.data().readInBureau(r.bureau(), sql -> sql.query(
                        "select " + PROJECT + " from rr_project where year = ? order by id", RuralRoadsModule::project,
                        year(r))))),
                Endpoint.get("/projects/{id}", r -> ModuleResponse.ok(project(r.bureau(), id(r)))),
                Endpoint.post("/projects", r -> ModuleResponse.created(Map.of("id", createProject(r)))).forRoles(ADMIN),
                Endpoint.put("/projects/{id}/progress", r -> ModuleResponse.ok(progress(r))).forRoles(ADMIN, "REPORTER"));
    }

    private static final String SEGMENT = "id, route_code, name, admin_class, technical_grade, length_km, surface, town";
    private static final String PROJECT = """
            id, year, name, kind, town, planned_km, completed_km, planned_wan_yuan, invested_wan_yuan, status, completed_on""";

    private long createSegment(ModuleRequest r) {
        Fields f = new Fields(r.json());
        String route = f.text("routeCode", true);
        String name = f.text("name", true);
        String adminClass = f.oneOf("adminClass", CLASSES, true);
        String grade = f.oneOf("technicalGrade", GRADES, true);
        BigDecimal km = f.number("lengthKm", true);
        if (km.signum() == 0) {
            throw ModuleProblem.badInput("lengthKm", "里程须大于 0", "lengthKm must be above 0");
        }
        return context.data().inBureau(r.bureau(), sql -> {
            if (sql.queryOne("select 1 from rr_segment where route_code = ?", rs -> 1, route).isPresent()) {
                throw ModuleProblem.conflict("路线编号 " + route + " 已存在", "Route code " + route + " exists");
            }
            return sql.queryOne("""
                    insert into rr_segment (tenant_id, route_code, name, admin_class, technical_grade, length_km, surface, town)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), r.bureau().code(), route, name,
                    adminClass, grade, km, f.text("surface", false), f.text("town", false)).orElseThrow();
        });
    }

    private long createProject(ModuleRequest r) {
        Fields f = new Fields(r.json());
        BigDecimal year = f.number("year", true);
        String name = f.text("name", true);
        String kind = f.oneOf("kind", KINDS, true);
        return context.data().inBureau(r.bureau(), sql -> sql.queryOne("""
                insert into rr_project (tenant_id, year, name, kind, town, planned_km, planned_wan_yuan)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), r.bureau().code(), year.intValue(),
                name, kind, f.text("town", false), f.number("plannedKm", false), f.number("plannedWanYuan", false))
                .orElseThrow());
    }

    /** Records progress; a completed project's km count in its completion month's indicators. */
    private Project progress(ModuleRequest r) {
        long id = id(r);
        Project before = project(r.bureau(), id);
        Fields f = new Fields(r.json());
        BigDecimal km = f.number("completedKm", false);
        BigDecimal invested = f.number("investedWanYuan", false);
        String status = f.oneOf("status", STATUSES, false);
        LocalDate completedOn = f.date("completedOn");
        if ("COMPLETED".equals(status) && completedOn == null) {
            throw ModuleProblem.badInput("completedOn", "完工的项目须填写完工日期", "a completed project needs completedOn");
        }
        context.data().inBureau(r.bureau(), sql -> sql.update("""
                update rr_project set completed_km = coalesce(?, completed_km), invested_wan_yuan = coalesce(?, invested_wan_yuan),
                       status = coalesce(?, status), completed_on = coalesce(?, completed_on)
                where id = ?""", km, invested, status, completedOn == null ? null : Date.valueOf(completedOn), id));
        Project after = project(r.bureau(), id);
        for (LocalDate d : new LocalDate[] {before.completedOn(), after.completedOn()}) {
            if (d != null) {
                publish(r.bureau(), YearMonth.from(d));
            }
        }
        return after;
    }

    /** Completed km by kind for one month, published to the core catalog. */
    private void publish(BureauRef bureau, YearMonth month) {
        Map<String, BigDecimal> km = context.data().readInBureau(bureau, sql -> sql.queryOne("""
                select coalesce(sum(completed_km) filter (where kind in ('UPGRADE', 'NEW_LINK')), 0),
                       coalesce(sum(completed_km) filter (where kind = 'MAJOR_REPAIR'), 0),
                       coalesce(sum(completed_km) filter (where kind = 'ELIMINATE_SUBSTANDARD'), 0)
                from rr_project where status = 'COMPLETED' and completed_on >= ? and completed_on < ?""",
                rs -> Map.of(KM_UPGRADED, rs.getBigDecimal(1), KM_REPAIRED, rs.getBigDecimal(2), KM_ELIMINATED, rs.getBigDecimal(3)),
                Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1))).orElseThrow());
        km.forEach((code, value) -> context.indicators().publish(bureau, code, month, value));
    }

    private Project project(BureauRef bureau, long id) {
        return context.data().readInBureau(bureau, sql -> sql.queryOne(
                "select " + PROJECT + " from rr_project where id = ?", RuralRoadsModule::project, id))
                .orElseThrow(() -> ModuleProblem.notFound("没有编号为 " + id + " 的项目", "No project " + id));
    }

    private static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getString(7), rs.getString(8));
    }

    private static Project project(ResultSet rs) throws SQLException {
        Date done = rs.getDate(11);
        return new Project(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                done == null ? null : done.toLocalDate());
    }

    private static int year(ModuleRequest r) {
        String y = r.queryParameter("year").orElse(String.valueOf(LocalDate.now().getYear()));
        try {
            return Integer.parseInt(y);
        } catch (NumberFormatException e) {
            throw ModuleProblem.badInput("year", "year 应为年份，如 2023", "year is a year such as 2023");
        }
    }

    private static long id(ModuleRequest r) {
        try {
            return Long.parseLong(r.pathParameter("id"));
        } catch (NumberFormatException e) {
            throw ModuleProblem.notFound("没有编号为 " + r.pathParameter("id") + " 的项目", "No project " + r.pathParameter("id"));
        }
    }
}
