package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The facilities along rural roads that work lists count: 港湾式停靠站 (bay bus stops) and
 * 农村物流服务点 (rural logistics service points, 县级中心 / 乡镇服务站 / 村级服务点). Both are
 * registers: a bureau lists each facility once, with the day it was built or opened, so the
 * number added in any month is known (zero when the register has none), as the targets ask
 * ("推进建成农村港湾式停靠站55个", "农村物流服务点建设280个" count new ones, not the stock).
 */
final class Facilities {

    /** A bay stop. */
    public record BayStop(long id, String town, String routeCode, String location, LocalDate builtOn, String source) {
    }

    /** A logistics service point. */
    public record LogisticsPoint(long id, String name, String town, String village, String level, LocalDate openedOn,
                                 String status, LocalDate closedOn, String source) {
    }

    private final ModuleData data;

    Facilities(ModuleData data) {
        this.data = data;
    }

    List<BayStop> bayStops(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select id, town, route_code, location, built_on, source from rr_bay_stop order by built_on desc, id desc""",
                rs -> new BayStop(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6))));
    }

    /** Adds a bay stop; returns the day it was built (its month's count changes). */
    LocalDate addBayStop(BureauRef bureau, Map<String, Object> body) {
        Fields f = new Fields(body);
        String route = f.text("routeCode", true);
        String location = f.text("location", true);
        LocalDate built = required(f, "builtOn", "建成日期");
        data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from rr_bay_stop where route_code = ? and location = ?", rs -> 1, route, location).isPresent()) {
                throw ModuleProblem.conflict(route + " " + location + " 的港湾式停靠站已登记", "That bay stop is registered");
            }
            return sql.update("insert into rr_bay_stop (tenant_id, town, route_code, location, built_on, source) values (?, ?, ?, ?, ?, ?)",
                    bureau.code(), f.text("town", false), route, location, Date.valueOf(built), f.text("source", false));
        });
        return built;
    }

    List<LogisticsPoint> logisticsPoints(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select id, name, town, village, level, opened_on, status, closed_on, source from rr_logistics_point
                order by opened_on desc, id desc""", rs -> new LogisticsPoint(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
                rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getString(9))));
    }

    /** Adds a logistics point; returns the day it opened. */
    LocalDate addLogisticsPoint(BureauRef bureau, Map<String, Object> body) {
        Fields f = new Fields(body);
        String name = f.text("name", true);
        String level = Labels.LOGISTICS_LEVELS.read(f.text("level", true)).orElseThrow(() -> ModuleProblem.badInput("level",
                "级别应为 " + Labels.LOGISTICS_LEVELS.choices() + " 之一", "level is COUNTY_CENTRE, TOWN_STATION or VILLAGE_POINT"));
        LocalDate opened = required(f, "openedOn", "启用日期");
        data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from rr_logistics_point where name = ?", rs -> 1, name).isPresent()) {
                throw ModuleProblem.conflict("物流服务点“" + name + "”已登记", "Logistics point " + name + " is registered");
            }
            return sql.update("""
                    insert into rr_logistics_point (tenant_id, name, town, village, level, opened_on, source)
                    values (?, ?, ?, ?, ?, ?, ?)""", bureau.code(), name, f.text("town", false), f.text("village", false),
                    level, Date.valueOf(opened), f.text("source", false));
        });
        return opened;
    }

    /** Marks a point closed on a day (it stays in the register: it was opened and counted). */
    void closeLogisticsPoint(BureauRef bureau, long id, Map<String, Object> body) {
        LocalDate closed = required(new Fields(body), "closedOn", "关闭日期");
        data.inBureau(bureau, sql -> {
            LocalDate opened = sql.queryOne("select opened_on from rr_logistics_point where id = ?",
                    rs -> rs.getDate(1).toLocalDate(), id).orElseThrow(() -> ModuleProblem.notFound(
                    "没有编号为 " + id + " 的物流服务点", "No logistics point " + id));
            if (closed.isBefore(opened)) {
                throw ModuleProblem.badInput("closedOn", "关闭日期不能早于启用日期 " + opened, "closedOn is before openedOn");
            }
            return sql.update("update rr_logistics_point set status = 'CLOSED', closed_on = ? where id = ?", Date.valueOf(closed), id);
        });
    }

    private static LocalDate required(Fields f, String field, String zh) {
        LocalDate d = f.date(field);
        if (d == null) {
            throw ModuleProblem.badInput(field, "缺少" + zh + " " + field, field + " is required");
        }
        return d;
    }
}
