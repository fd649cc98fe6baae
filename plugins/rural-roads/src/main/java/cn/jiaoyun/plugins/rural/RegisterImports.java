package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The registers' spreadsheets, each imported by a {@link RegisterImport}: 路网 (road-network),
 * 路况检测 (road-survey: named so that it sorts after road-network, since the demo loading imports
 * files by name and inspections need their segments), 示范乡镇 (demo-towns), 港湾式停靠站
 * (bay-stops) and 农村物流服务点 (logistics-points). Each layout has Chinese headers (English accepted) and an optional
 * 数据来源 column, which is how demo files say where each row comes from.
 */
final class RegisterImports {

    private static final Sheet.Column SOURCE = new Sheet.Column("source", "数据来源", false, "来源", "备注", "source");

    private RegisterImports() {
    }

    // ------------------------------------------------------------------ 路网

    record SegmentRow(String route, String name, String adminClass, String grade, BigDecimal km, String surface, String town) {
    }

    static final RegisterImport<SegmentRow> NETWORK = new RegisterImport<>(List.of(
            new Sheet.Column("route", "路线编号", true, "routecode"),
            new Sheet.Column("name", "路线名称", true, "路段名称", "name"),
            new Sheet.Column("class", "行政等级", true, "adminclass"),
            new Sheet.Column("grade", "技术等级", true, "technicalgrade"),
            new Sheet.Column("km", "里程（公里）", true, "里程", "lengthkm"),
            new Sheet.Column("surface", "路面类型", false, "surface"),
            new Sheet.Column("town", "乡镇", false, "town"), SOURCE),
            c -> {
                String route = c.text("route", true);
                if (route != null && !route.matches("[A-Za-z0-9_.-]{1,40}")) {
                    c.problem("route", "路线编号只能由字母、数字和 . _ - 组成，如 X801");
                }
                String name = c.text("name", true);
                String adminClass = c.code("class", Labels.CLASSES, true);
                String grade = c.code("grade", Labels.GRADES, true);
                BigDecimal km = c.number("km", true);
                if (km != null && km.signum() == 0) {
                    c.problem("km", "里程须大于 0");
                }
                SegmentRow r = new SegmentRow(route, name, adminClass, grade, km, c.text("surface", false), c.text("town", false));
                return c.ok() ? r : null;
            }, SegmentRow::route, "route", null, null,
            (sql, bureau, r) -> sql.update("""
                    insert into rr_segment (tenant_id, route_code, name, admin_class, technical_grade, length_km, surface, town)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, route_code) do update set name = excluded.name, admin_class = excluded.admin_class,
                        technical_grade = excluded.technical_grade, length_km = excluded.length_km, surface = excluded.surface,
                        town = excluded.town
                    where (rr_segment.name, rr_segment.admin_class, rr_segment.technical_grade, rr_segment.length_km,
                           rr_segment.surface, rr_segment.town)
                          is distinct from (excluded.name, excluded.admin_class, excluded.technical_grade,
                                            excluded.length_km, excluded.surface, excluded.town)""",
                    bureau.code(), r.route(), r.name(), r.adminClass(), r.grade(), r.km(), r.surface(), r.town()) > 0,
            null);

    // ------------------------------------------------------------------ 路况检测

    record InspectionRow(String route, LocalDate on, String rating, BigDecimal mqi, BigDecimal pqi, String inspector) {
    }

    static final RegisterImport<InspectionRow> INSPECTIONS = new RegisterImport<>(List.of(
            new Sheet.Column("route", "路线编号", true, "routecode"),
            new Sheet.Column("on", "检测日期", true, "inspectedon"),
            new Sheet.Column("rating", "评定等级", true, "评定", "rating"),
            new Sheet.Column("mqi", "MQI", false),
            new Sheet.Column("pqi", "PQI", false),
            new Sheet.Column("inspector", "检测单位", false, "检测人", "inspector"), SOURCE),
            c -> {
                InspectionRow r = new InspectionRow(c.text("route", true), c.date("on", true), c.code("rating", Labels.RATINGS, true),
                        score(c, "mqi"), score(c, "pqi"), c.text("inspector", false));
                return c.ok() ? r : null;
            }, r -> r.route() + "|" + r.on(), "on",
            (sql, r) -> sql.queryOne("select 1 from rr_segment where route_code = ?", rs -> 1, r.route()).isPresent()
                    ? null : "没有路线编号为 " + r.route() + " 的路段，请先导入路网", "route",
            (sql, bureau, r) -> sql.update("""
                    insert into rr_inspection (tenant_id, segment_id, inspected_on, rating, mqi, pqi, inspector)
                    select ?, id, ?, ?, ?, ?, ? from rr_segment where route_code = ?
                    on conflict (tenant_id, segment_id, inspected_on) do update
                    set rating = excluded.rating, mqi = excluded.mqi, pqi = excluded.pqi, inspector = excluded.inspector
                    where (rr_inspection.rating, rr_inspection.mqi, rr_inspection.pqi, rr_inspection.inspector)
                          is distinct from (excluded.rating, excluded.mqi, excluded.pqi, excluded.inspector)""",
                    bureau.code(), Date.valueOf(r.on()), r.rating(), r.mqi(), r.pqi(), r.inspector(), r.route()) > 0,
            InspectionRow::on);

    private static BigDecimal score(RowCheck c, String key) {
        BigDecimal v = c.number(key, false);
        if (v != null && v.compareTo(BigDecimal.valueOf(100)) > 0) {
            c.problem(key, "应在 0 至 100 之间");
            return null;
        }
        return v;
    }

    // ------------------------------------------------------------------ 示范乡镇

    record TownRow(String town, int year, String status, LocalDate on, List<String> criteria, String note) {
    }

    static final RegisterImport<TownRow> TOWNS = new RegisterImport<>(List.of(
            new Sheet.Column("town", "乡镇", true, "乡镇街道", "town"),
            new Sheet.Column("year", "创建年度", true, "年度", "year"),
            new Sheet.Column("status", "创建状态", true, "状态", "status"),
            new Sheet.Column("on", "状态日期", false, "日期", "on"),
            new Sheet.Column("criteria", "创建标准", false, "criteria"),
            new Sheet.Column("note", "备注说明", false, "note"), SOURCE),
            c -> {
                BigDecimal year = c.number("year", true);
                if (year != null && (year.intValue() < 2000 || year.intValue() > 2100 || year.scale() > 0)) {
                    c.problem("year", "应为年份，如 2023");
                }
                String status = c.code("status", Labels.TOWN_STATUSES, true);
                LocalDate on = c.date("on", false);
                if ("NAMED".equals(status) && on == null && c.ok()) {
                    c.problem("on", "已命名的乡镇须填写命名日期");
                }
                String criteria = c.text("criteria", false);
                TownRow r = new TownRow(c.text("town", true), year == null ? 0 : year.intValue(), status, on,
                        criteria == null ? List.of() : Arrays.stream(criteria.split("[;；]")).map(String::strip)
                                .filter(s -> !s.isEmpty()).distinct().toList(), c.text("note", false));
                return c.ok() ? r : null;
            }, r -> r.town() + "|" + r.year(), "town",
            (sql, r) -> sql.queryOne("select status from rr_demo_town where town = ? and year = ?", rs -> rs.getString(1),
                    r.town(), r.year()).filter(s -> Labels.TOWN_STATUSES.codes().indexOf(s)
                    > Labels.TOWN_STATUSES.codes().indexOf(r.status()))
                    .map(s -> r.town() + " 已是“" + Labels.TOWN_STATUSES.zh(s) + "”，不能退回“"
                            + Labels.TOWN_STATUSES.zh(r.status()) + "”").orElse(null), "status",
            RegisterImports::writeTown,
            r -> "NAMED".equals(r.status()) ? r.on() : null);

    private static boolean writeTown(Sql sql, BureauRef bureau, TownRow r) {
        Date on = r.on() == null ? null : Date.valueOf(r.on());
        Date named = "NAMED".equals(r.status()) ? on : null;
        boolean changed = sql.update("""
                insert into rr_demo_town (tenant_id, town, year, status, status_on, named_on, note) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, town, year) do update
                set status = excluded.status, status_on = excluded.status_on,
                    named_on = coalesce(rr_demo_town.named_on, excluded.named_on), note = coalesce(excluded.note, rr_demo_town.note)
                where (rr_demo_town.status, rr_demo_town.status_on, rr_demo_town.note)
                      is distinct from (excluded.status, excluded.status_on, coalesce(excluded.note, rr_demo_town.note))""",
                bureau.code(), r.town(), r.year(), r.status(), on, named, r.note()) > 0;
        long id = sql.queryOne("select id from rr_demo_town where town = ? and year = ?", rs -> rs.getLong(1), r.town(), r.year())
                .orElseThrow();
        for (String criterion : r.criteria()) {
            changed |= sql.update("""
                    insert into rr_town_criterion (tenant_id, town_id, position, criterion)
                    select ?, ?, (select coalesce(max(position), 0) + 1 from rr_town_criterion where town_id = ?), ?
                    where not exists (select 1 from rr_town_criterion where town_id = ? and criterion = ?)""",
                    bureau.code(), id, id, criterion, id, criterion) > 0;
        }
        return changed;
    }

    // ------------------------------------------------------------------ 港湾式停靠站

    record BayStopRow(String town, String route, String location, LocalDate builtOn, String source) {
    }

    static final RegisterImport<BayStopRow> BAY_STOPS = new RegisterImport<>(List.of(
            new Sheet.Column("town", "乡镇", false, "town"),
            new Sheet.Column("route", "路线编号", true, "routecode"),
            new Sheet.Column("location", "位置", true, "桩号", "location"),
            new Sheet.Column("built", "建成日期", true, "builton"), SOURCE),
            c -> {
                BayStopRow r = new BayStopRow(c.text("town", false), c.text("route", true), c.text("location", true),
                        c.date("built", true), c.text("source", false));
                return c.ok() ? r : null;
            }, r -> r.route() + "|" + r.location(), "location", null, null,
            (sql, bureau, r) -> sql.update("""
                    insert into rr_bay_stop (tenant_id, town, route_code, location, built_on, source) values (?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, route_code, location) do update
                    set town = excluded.town, built_on = excluded.built_on, source = excluded.source
                    where (rr_bay_stop.town, rr_bay_stop.built_on, rr_bay_stop.source)
                          is distinct from (excluded.town, excluded.built_on, excluded.source)""",
                    bureau.code(), r.town(), r.route(), r.location(), Date.valueOf(r.builtOn()), r.source()) > 0,
            BayStopRow::builtOn);

    // ------------------------------------------------------------------ 农村物流服务点

    record PointRow(String name, String town, String village, String level, LocalDate openedOn, String status,
                    LocalDate closedOn, String source) {
    }

    static final RegisterImport<PointRow> LOGISTICS_POINTS = new RegisterImport<>(List.of(
            new Sheet.Column("name", "名称", true, "服务点名称", "name"),
            new Sheet.Column("town", "乡镇", false, "town"),
            new Sheet.Column("village", "村", false, "行政村", "village"),
            new Sheet.Column("level", "级别", true, "level"),
            new Sheet.Column("opened", "启用日期", true, "openedon"),
            new Sheet.Column("status", "运营状态", false, "状态", "status"),
            new Sheet.Column("closed", "关闭日期", false, "closedon"), SOURCE),
            c -> {
                LocalDate closed = c.date("closed", false);
                String status = c.code("status", Labels.POINT_STATUSES, false);
                if (closed != null && "IN_SERVICE".equals(status)) {
                    c.problem("status", "填写了关闭日期，运营状态应为已关闭");
                }
                if ("CLOSED".equals(status) && closed == null && c.ok()) {
                    c.problem("closed", "已关闭的服务点须填写关闭日期");
                }
                LocalDate opened = c.date("opened", true);
                if (opened != null && closed != null && closed.isBefore(opened)) {
                    c.problem("closed", "关闭日期不能早于启用日期 " + opened);
                }
                PointRow r = new PointRow(c.text("name", true), c.text("town", false), c.text("village", false),
                        c.code("level", Labels.LOGISTICS_LEVELS, true), opened, closed != null ? "CLOSED" : "IN_SERVICE",
                        closed, c.text("source", false));
                return c.ok() ? r : null;
            }, PointRow::name, "name", null, null,
            (sql, bureau, r) -> sql.update("""
                    insert into rr_logistics_point (tenant_id, name, town, village, level, opened_on, status, closed_on, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, name) do update
                    set town = excluded.town, village = excluded.village, level = excluded.level, opened_on = excluded.opened_on,
                        status = excluded.status, closed_on = excluded.closed_on, source = excluded.source
                    where (rr_logistics_point.town, rr_logistics_point.village, rr_logistics_point.level,
                           rr_logistics_point.opened_on, rr_logistics_point.status, rr_logistics_point.closed_on,
                           rr_logistics_point.source)
                          is distinct from (excluded.town, excluded.village, excluded.level, excluded.opened_on,
                                            excluded.status, excluded.closed_on, excluded.source)""",
                    bureau.code(), r.name(), r.town(), r.village(), r.level(), Date.valueOf(r.openedOn()), r.status(),
                    r.closedOn() == null ? null : Date.valueOf(r.closedOn()), r.source()) > 0,
            PointRow::openedOn);

    /** A register's importer: its name (in {@code /imports/<name>}), titles, and whether only administrators use it. */
    record Register(String name, String titleZh, String titleEn, RegisterImport<?> register, boolean adminOnly) {
    }

    /** The registers in the order a bureau fills them: the network before its survey. */
    static final List<Register> ALL = List.of(
            new Register("road-network", "农村公路路网", "Rural road network", NETWORK, true),
            new Register("road-survey", "路况检测", "Road condition survey", INSPECTIONS, false),
            new Register("demo-towns", "示范乡镇创建", "Demonstration towns", TOWNS, true),
            new Register("bay-stops", "港湾式停靠站", "Bay bus stops", BAY_STOPS, false),
            new Register("logistics-points", "农村物流服务点", "Rural logistics points", LOGISTICS_POINTS, false));
}
