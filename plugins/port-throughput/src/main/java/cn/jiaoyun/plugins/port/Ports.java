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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * 港口、作业区、泊位: the bureau's ports, their operating areas and berths. Monthly statistics are
 * reported per operating area; a port's opening date (开港日期) says from which month its areas
 * must report. Also reads the {@code berths} import: one line per berth, or per port or area
 * without berths yet (see {@link #COLUMNS}).
 */
final class Ports {

    /** A berth. Capacities are design throughput per year; null when not known. */
    record Berth(long id, long areaId, String name, String tonnageClass, BigDecimal capacityWanTonnes,
                 Integer capacityTeu, BerthStatus status, String source) {
    }

    record Area(long id, long portId, String name, String source, List<Berth> berths) {
    }

    record Port(long id, String name, LocalDate openedOn, String source, List<Area> areas) {
    }

    /** An operating area with its port, for resolving file rows and for menus. */
    record AreaRef(long id, String port, String area, LocalDate openedOn) {

        String label() {
            return port + " " + area;
        }
    }

    /**
     * The {@code berths} layout: 港口 (required), 开港日期, 作业区, 泊位, 吨级, 设计通过能力(万吨/年),
     * 设计通过能力(TEU/年), 状态 (规划/在建/在用/停用, 在用 when empty), 来源. A line without 泊位 only
     * declares the port or area.
     */
    static final List<Columns.Column> COLUMNS = List.of(
            Columns.Column.of("port", "港口", true, "port"),
            Columns.Column.of("openedOn", "开港日期", false, "opened_on"),
            Columns.Column.of("area", "作业区", false, "港区", "area"),
            Columns.Column.of("berth", "泊位", false, "泊位名称", "berth"),
            Columns.Column.of("tonnage", "吨级", false, "泊位吨级", "tonnage_class"),
            Columns.Column.of("capacityWanTonnes", "设计通过能力(万吨/年)", false, "capacity_wan_tonnes"),
            Columns.Column.of("capacityTeu", "设计通过能力(TEU/年)", false, "capacity_teu").whole(),
            Columns.Column.of("status", "状态", false, "status"),
            Columns.Column.of("source", "来源", false, "备注", "source"));

    private final ModuleData data;

    Ports(ModuleData data) {
        this.data = data;
    }

    /** Every port with its areas and berths, by name. */
    List<Port> list(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> {
            List<Berth> berths = sql.query("""
                    select id, area_id, name, tonnage_class, capacity_wan_tonnes, capacity_teu, status, source
                    from pt_berth order by name""", Ports::berth);
            List<Area> areas = sql.query("select id, port_id, name, source from pt_area order by name", rs -> {
                long id = rs.getLong(1);
                return new Area(id, rs.getLong(2), rs.getString(3), rs.getString(4),
                        berths.stream().filter(b -> b.areaId() == id).toList());
            });
            return sql.query("select id, name, opened_on, source from pt_port order by name", rs -> {
                Date opened = rs.getDate(3);
                long id = rs.getLong(1);
                return new Port(id, rs.getString(2), opened == null ? null : opened.toLocalDate(), rs.getString(4),
                        areas.stream().filter(a -> a.portId() == id).toList());
            });
        });
    }

    Port get(BureauRef bureau, long id) {
        return list(bureau).stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> ModuleProblem.notFound("没有编号为 " + id + " 的港口", "No port " + id));
    }

    /** The operating areas with their ports, by port and area name. */
    List<AreaRef> areas(BureauRef bureau) {
        return data.readInBureau(bureau, Ports::areas);
    }

    static List<AreaRef> areas(Sql sql) {
        return sql.query("""
                select a.id, p.name, a.name, p.opened_on from pt_area a join pt_port p on p.id = a.port_id
                order by p.name, a.name""", rs -> {
            Date opened = rs.getDate(4);
            return new AreaRef(rs.getLong(1), rs.getString(2), rs.getString(3), opened == null ? null : opened.toLocalDate());
        });
    }

    long createPort(BureauRef bureau, Map<String, Object> json) {
        Body b = new Body(json);
        String name = b.text("name", "港口名称", true);
        LocalDate opened = b.date("openedOn", "开港日期");
        String source = b.text("source", "来源", false);
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from pt_port where name = ?", rs -> 1, name).isPresent()) {
                throw ModuleProblem.conflict("港口“" + name + "”已存在", "Port '" + name + "' exists");
            }
            return sql.queryOne("insert into pt_port (tenant_id, name, opened_on, source) values (?, ?, ?, ?) returning id",
                    rs -> rs.getLong(1), bureau.code(), name, opened, source).orElseThrow();
        });
    }

    /** Changes a port's name or opening date (fields absent from the body stay as they are). */
    Port updatePort(BureauRef bureau, long id, Map<String, Object> json) {
        Body b = new Body(json);
        Port before = get(bureau, id);
        String name = b.has("name") ? b.text("name", "港口名称", true) : before.name();
        LocalDate opened = b.has("openedOn") ? b.date("openedOn", "开港日期") : before.openedOn();
        data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from pt_port where name = ? and id <> ?", rs -> 1, name, id).isPresent()) {
                throw ModuleProblem.conflict("港口“" + name + "”已存在", "Port '" + name + "' exists");
            }
            return sql.update("update pt_port set name = ?, opened_on = ? where id = ?", name, opened, id);
        });
        return get(bureau, id);
    }

    long createArea(BureauRef bureau, long portId, Map<String, Object> json) {
        Body b = new Body(json);
        String name = b.text("name", "作业区名称", true);
        get(bureau, portId);
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from pt_area where port_id = ? and name = ?", rs -> 1, portId, name).isPresent()) {
                throw ModuleProblem.conflict("作业区“" + name + "”已存在", "Operating area '" + name + "' exists");
            }
            return sql.queryOne("insert into pt_area (tenant_id, port_id, name, source) values (?, ?, ?, ?) returning id",
                    rs -> rs.getLong(1), bureau.code(), portId, name, b.text("source", "来源", false)).orElseThrow();
        });
    }

    long createBerth(BureauRef bureau, long areaId, Map<String, Object> json) {
        Body b = new Body(json);
        String name = b.text("name", "泊位名称", true);
        BerthStatus status = b.oneOf("status", "状态", BerthStatus.class, false);
        BigDecimal capacity = b.number("capacityWanTonnes", "设计通过能力（万吨/年）", 4, false);
        BigDecimal teu = b.number("capacityTeu", "设计通过能力（TEU/年）", 0, false);
        return data.inBureau(bureau, sql -> {
            if (sql.queryOne("select 1 from pt_area where id = ?", rs -> 1, areaId).isEmpty()) {
                throw ModuleProblem.notFound("没有编号为 " + areaId + " 的作业区", "No operating area " + areaId);
            }
            if (sql.queryOne("select 1 from pt_berth where area_id = ? and name = ?", rs -> 1, areaId, name).isPresent()) {
                throw ModuleProblem.conflict("泊位“" + name + "”已存在", "Berth '" + name + "' exists");
            }
            return sql.queryOne("""
                    insert into pt_berth (tenant_id, area_id, name, tonnage_class, capacity_wan_tonnes, capacity_teu, status, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), bureau.code(), areaId, name,
                    b.text("tonnageClass", "吨级", false), capacity, teu == null ? null : teu.intValue(),
                    (status == null ? BerthStatus.IN_SERVICE : status).name(), b.text("source", "来源", false)).orElseThrow();
        });
    }

    /** Changes a berth's status, tonnage class or capacities (absent fields stay). */
    Berth updateBerth(BureauRef bureau, long id, Map<String, Object> json) {
        Body b = new Body(json);
        BerthStatus status = b.oneOf("status", "状态", BerthStatus.class, false);
        BigDecimal capacity = b.number("capacityWanTonnes", "设计通过能力（万吨/年）", 4, false);
        BigDecimal teu = b.number("capacityTeu", "设计通过能力（TEU/年）", 0, false);
        String tonnage = b.text("tonnageClass", "吨级", false);
        return data.inBureau(bureau, sql -> {
            int n = sql.update("""
                    update pt_berth set status = coalesce(?, status), capacity_wan_tonnes = coalesce(?, capacity_wan_tonnes),
                           capacity_teu = coalesce(?, capacity_teu), tonnage_class = coalesce(?, tonnage_class)
                    where id = ?""", status == null ? null : status.name(), capacity, teu == null ? null : teu.intValue(),
                    tonnage, id);
            if (n == 0) {
                throw ModuleProblem.notFound("没有编号为 " + id + " 的泊位", "No berth " + id);
            }
            return sql.queryOne("""
                    select id, area_id, name, tonnage_class, capacity_wan_tonnes, capacity_teu, status, source
                    from pt_berth where id = ?""", Ports::berth, id).orElseThrow();
        });
    }

    /** A line of the berths file, checked. */
    private record BerthLine(long line, String port, LocalDate openedOn, String area, String berth, String tonnage,
                             BigDecimal capacity, Integer teu, BerthStatus status, String source) {
    }

    /** Reads the berths file; all or nothing: with any bad line nothing is written. */
    Importer.Outcome importFile(BureauRef bureau, List<Tables.Table> tables, BinaryOperator<String> text) {
        List<RowProblem> problems = new ArrayList<>();
        List<BerthLine> lines = new ArrayList<>();
        Map<String, Long> seen = new LinkedHashMap<>();
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
                String port = c.text(l, "port");
                LocalDate opened = c.date(l, "openedOn");
                String area = c.text(l, "area");
                String berth = c.text(l, "berth");
                BigDecimal capacity = c.number(l, "capacityWanTonnes");
                BigDecimal teu = c.number(l, "capacityTeu");
                BerthStatus status = c.oneOf(l, "status", BerthStatus.class);
                if (berth != null && area == null) {
                    c.problem(l, "area", "填写了泊位就须填写作业区", "a berth needs its operating area");
                }
                String key = port + "\u0000" + area + "\u0000" + berth;
                Long first = berth == null ? null : seen.putIfAbsent(key, l.number());
                if (first != null) {
                    c.problem(l, "berth", "与第 " + first + " 行重复", "repeats line " + first);
                }
                if (problems.size() == before) {
                    lines.add(new BerthLine(l.number(), port, opened, area, berth, c.text(l, "tonnage"), capacity,
                            teu == null ? null : teu.intValue(), status, c.text(l, "source")));
                }
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(1, "港口", text.apply("文件中没有港口泊位数据（表头须含“港口”）",
                    "the file has no ports (the header needs 港口)")));
        }
        if (!problems.isEmpty()) {
            return new Importer.Outcome(0, 0, problems);
        }
        long[] counts = new long[2];
        data.inBureau(bureau, sql -> {
            for (BerthLine l : lines) {
                counts[write(bureau, sql, l) ? 0 : 1]++;
            }
            return null;
        });
        return new Importer.Outcome(counts[0], counts[1], List.of());
    }

    /** Upserts one line; true when it changed something. */
    private static boolean write(BureauRef bureau, Sql sql, BerthLine l) {
        boolean changed = sql.update("""
                insert into pt_port (tenant_id, name, opened_on, source) values (?, ?, ?, ?)
                on conflict (tenant_id, name) do update set opened_on = coalesce(excluded.opened_on, pt_port.opened_on),
                    source = coalesce(excluded.source, pt_port.source)
                where pt_port.opened_on is distinct from coalesce(excluded.opened_on, pt_port.opened_on)
                   or pt_port.source is distinct from coalesce(excluded.source, pt_port.source)""",
                bureau.code(), l.port(), l.openedOn(), l.berth() == null && l.area() == null ? l.source() : null) > 0;
        if (l.area() == null) {
            return changed;
        }
        long portId = sql.queryOne("select id from pt_port where name = ?", rs -> rs.getLong(1), l.port()).orElseThrow();
        changed |= sql.update("""
                insert into pt_area (tenant_id, port_id, name, source) values (?, ?, ?, ?)
                on conflict (tenant_id, port_id, name) do update set source = coalesce(excluded.source, pt_area.source)
                where pt_area.source is distinct from coalesce(excluded.source, pt_area.source)""",
                bureau.code(), portId, l.area(), l.berth() == null ? l.source() : null) > 0;
        if (l.berth() == null) {
            return changed;
        }
        long areaId = sql.queryOne("select id from pt_area where port_id = ? and name = ?", rs -> rs.getLong(1),
                portId, l.area()).orElseThrow();
        String status = (l.status() == null ? BerthStatus.IN_SERVICE : l.status()).name();
        changed |= sql.update("""
                insert into pt_berth (tenant_id, area_id, name, tonnage_class, capacity_wan_tonnes, capacity_teu, status, source)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, area_id, name) do update set tonnage_class = excluded.tonnage_class,
                    capacity_wan_tonnes = excluded.capacity_wan_tonnes, capacity_teu = excluded.capacity_teu,
                    status = excluded.status, source = excluded.source
                where (pt_berth.tonnage_class, pt_berth.capacity_wan_tonnes, pt_berth.capacity_teu, pt_berth.status, pt_berth.source)
                      is distinct from (excluded.tonnage_class, excluded.capacity_wan_tonnes, excluded.capacity_teu,
                                        excluded.status, excluded.source)""",
                bureau.code(), areaId, l.berth(), l.tonnage(), l.capacity(), l.teu(), status, l.source()) > 0;
        return changed;
    }

    private static Berth berth(ResultSet rs) throws SQLException {
        Object teu = rs.getObject(6);
        return new Berth(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                teu == null ? null : ((Number) teu).intValue(), BerthStatus.valueOf(rs.getString(7)), rs.getString(8));
    }
}
