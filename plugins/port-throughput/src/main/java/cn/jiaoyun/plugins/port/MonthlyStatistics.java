package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.Importer.RowProblem;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import cn.jiaoyun.plugin.api.Sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * 月度统计: the monthly port throughput per operating area × cargo class × direction (万吨, and TEU
 * for containers), and the bureau's monthly water transport (水路货运量, 货物周转量, 公转水).
 *
 * <p>The {@code monthly-statistics} file (.xlsx or .csv) has two layouts, told apart by their
 * headers; a workbook may carry both as two sheets (the export writes 港口吞吐量 and 水路运输):
 * <ul>
 *   <li>港口吞吐量: 月份, 港口, 作业区, 货类, 方向 (进港/出港), 吞吐量(万吨), 集装箱(TEU), 来源 — one
 *       line per area, month, cargo class and direction; 集装箱(TEU) is filled on 集装箱 lines only
 *       and there it is required (吞吐量 is then the boxes' cargo weight).</li>
 *   <li>水路运输: 月份, 水路货运量(万吨), 货物周转量(万吨公里), 货物公转水(万吨), 来源 — one line per
 *       month; an empty cell is an unknown figure, not zero. The line is the month's whole record.</li>
 * </ul>
 * All or nothing: any bad line and nothing is written; every bad line is reported with its
 * number, column and reason. Lines are upserted by their key (area, month, class, direction; or
 * month), so importing the same file again changes nothing: {@code accepted} counts lines that
 * added or changed a figure, {@code skipped} lines already there unchanged. Figures the file
 * does not mention are left as they are (an import adds and corrects, it does not delete; the
 * month's form, {@code PUT /statistics/{year}/{month}}, replaces a month).
 */
final class MonthlyStatistics {

    /** One throughput figure. */
    record Throughput(long areaId, String port, String area, YearMonth month, CargoClass cargoClass, Flow direction,
                      BigDecimal wanTonnes, Integer teu, String source) {
    }

    /** The bureau's water transport of a month; a null figure is unknown. */
    record Water(YearMonth month, BigDecimal freightWanTonnes, BigDecimal turnoverWanTonneKm,
                 BigDecimal roadToWaterWanTonnes, String source) {
    }

    /** A month's statistics as stored. */
    record Month(YearMonth month, List<Throughput> throughput, Water water) {
    }

    static final List<Columns.Column> THROUGHPUT = List.of(
            Columns.Column.of("month", "月份", true, "month"),
            Columns.Column.of("port", "港口", true, "port"),
            Columns.Column.of("area", "作业区", true, "港区", "area"),
            Columns.Column.of("cargoClass", "货类", true, "货物种类", "cargo_class"),
            Columns.Column.of("direction", "方向", true, "进出港", "direction"),
            Columns.Column.of("wanTonnes", "吞吐量(万吨)", true, "吞吐量", "wan_tonnes"),
            Columns.Column.of("teu", "集装箱(TEU)", false, "teu").whole(),
            Columns.Column.of("source", "来源", false, "备注", "source"));

    static final List<Columns.Column> WATER = List.of(
            Columns.Column.of("month", "月份", true, "month"),
            Columns.Column.of("freight", "水路货运量(万吨)", true, "水路货运量", "freight_wan_tonnes").blanksAllowed(),
            Columns.Column.of("turnover", "货物周转量(万吨公里)", true, "水路货物周转量(万吨公里)", "货物周转量", "turnover_wan_tonne_km").blanksAllowed(),
            Columns.Column.of("roadToWater", "货物公转水(万吨)", true, "公转水(万吨)", "公转水", "road_to_water_wan_tonnes").blanksAllowed(),
            Columns.Column.of("source", "来源", false, "备注", "source"));

    /** What an import or a month's form wrote: the outcome and the months whose figures may have changed. */
    record Written(Importer.Outcome outcome, Set<YearMonth> months) {
    }

    private final ModuleData data;

    MonthlyStatistics(ModuleData data) {
        this.data = data;
    }

    /** A month's figures as stored. */
    Month month(BureauRef bureau, YearMonth month) {
        return data.readInBureau(bureau, sql -> {
            List<Throughput> rows = throughput(sql, month, month);
            Water water = water(sql, month, month).stream().findFirst().orElse(null);
            return new Month(month, rows, water);
        });
    }

    /** The throughput figures of {@code from} to {@code to}, by port, area, month, class and direction. */
    static List<Throughput> throughput(Sql sql, YearMonth from, YearMonth to) {
        return sql.query("""
                select t.area_id, p.name, a.name, t.month, t.cargo_class, t.direction, t.wan_tonnes, t.teu, t.source
                from pt_throughput t join pt_area a on a.id = t.area_id join pt_port p on p.id = a.port_id
                where t.month between ? and ? order by t.month, p.name, a.name, t.cargo_class, t.direction""", rs -> {
            Object teu = rs.getObject(8);
            return new Throughput(rs.getLong(1), rs.getString(2), rs.getString(3),
                    YearMonth.from(rs.getDate(4).toLocalDate()), CargoClass.valueOf(rs.getString(5)),
                    Flow.valueOf(rs.getString(6)), plain(rs.getBigDecimal(7)),
                    teu == null ? null : ((Number) teu).intValue(), rs.getString(9));
        }, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
    }

    static List<Water> water(Sql sql, YearMonth from, YearMonth to) {
        return sql.query("""
                select month, freight_wan_tonnes, turnover_wan_tonne_km, road_to_water_wan_tonnes, source
                from pt_water_transport where month between ? and ? order by month""",
                rs -> new Water(YearMonth.from(rs.getDate(1).toLocalDate()), plain(rs.getBigDecimal(2)),
                        plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)), rs.getString(5)),
                Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
    }

    /** The months that have any figure, latest first. */
    List<YearMonth> months(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select month from pt_throughput union select month from pt_water_transport order by 1 desc""",
                rs -> YearMonth.from(rs.getDate(1).toLocalDate())));
    }

    // ------------------------------------------------------------------ import

    /** Reads the file's tables and writes them all, or nothing when a line is bad. */
    Written importFile(BureauRef bureau, List<Tables.Table> tables, BinaryOperator<String> text) {
        List<RowProblem> problems = new ArrayList<>();
        List<Throughput> rows = new ArrayList<>();
        List<Water> waters = new ArrayList<>();
        List<Ports.AreaRef> areas = data.readInBureau(bureau, Ports::areas);
        int recognised = 0;
        for (Tables.Table table : tables) {
            String where = tables.size() > 1 ? text.apply("工作表“" + table.name() + "”", "sheet '" + table.name() + "': ") : "";
            if (Columns.has(table.header(), THROUGHPUT.get(3))) {
                recognised++;
                readThroughput(table, new Columns(THROUGHPUT, table, text, where, problems), areas, rows);
            } else if (Columns.has(table.header(), WATER.get(1))) {
                recognised++;
                readWater(table, new Columns(WATER, table, text, where, problems), waters);
            }
        }
        if (recognised == 0) {
            problems.add(new RowProblem(1, "货类", text.apply(
                    "未找到月度统计表：表头须含“货类”（港口吞吐量）或“水路货运量”（水路运输）",
                    "no monthly statistics found: the header needs 货类 (throughput) or 水路货运量 (water transport)")));
        }
        if (!problems.isEmpty()) {
            return new Written(new Importer.Outcome(0, 0, problems), Set.of());
        }
        long[] counts = new long[2];
        Set<YearMonth> months = new TreeSet<>();
        data.inBureau(bureau, sql -> {
            for (Throughput t : rows) {
                counts[upsert(bureau, sql, t) ? 0 : 1]++;
                months.add(t.month());
            }
            for (Water w : waters) {
                counts[upsert(bureau, sql, w) ? 0 : 1]++;
                months.add(w.month());
            }
            return null;
        });
        return new Written(new Importer.Outcome(counts[0], counts[1], List.of()), months);
    }

    private static void readThroughput(Tables.Table table, Columns c, List<Ports.AreaRef> areas, List<Throughput> out) {
        if (!c.complete()) {
            return;
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        for (Tables.Line l : table.lines()) {
            YearMonth month = c.month(l, "month");
            String port = c.text(l, "port");
            String area = c.text(l, "area");
            CargoClass cargo = c.oneOf(l, "cargoClass", CargoClass.class);
            Flow direction = c.oneOf(l, "direction", Flow.class);
            BigDecimal tonnes = c.number(l, "wanTonnes");
            BigDecimal teu = c.number(l, "teu");
            Ports.AreaRef ref = port == null || area == null ? null : areas.stream()
                    .filter(a -> a.port().equals(port) && a.area().equals(area)).findFirst().orElse(null);
            if (port != null && area != null && ref == null) {
                boolean portKnown = areas.stream().anyMatch(a -> a.port().equals(port));
                c.problem(l, portKnown ? "area" : "port",
                        portKnown ? "港口“" + port + "”没有作业区“" + area + "”" : "没有港口“" + port + "”（请先在港口泊位中登记）",
                        portKnown ? "port '" + port + "' has no operating area '" + area + "'" : "no port '" + port + "'");
            }
            if (cargo == CargoClass.CONTAINER && teu == null && c.raw(l, "teu").isEmpty()) {
                c.problem(l, "teu", "集装箱须填写箱量（TEU）", "container lines need their TEU");
            }
            if (cargo != null && cargo != CargoClass.CONTAINER && teu != null) {
                c.problem(l, "teu", "只有货类为集装箱的行填写 TEU", "only container lines have TEU");
            }
            if (month != null && ref != null && cargo != null && direction != null) {
                String key = ref.id() + "/" + month + "/" + cargo + "/" + direction;
                Long first = seen.putIfAbsent(key, l.number());
                if (first != null) {
                    c.problem(l, "direction", "与第 " + first + " 行重复（同一月份、作业区、货类和方向）",
                            "repeats line " + first + " (same month, area, cargo class and direction)");
                    continue;
                }
                if (tonnes != null && (cargo != CargoClass.CONTAINER || teu != null)) {
                    out.add(new Throughput(ref.id(), port, area, month, cargo, direction, tonnes,
                            teu == null ? null : teu.intValue(), c.text(l, "source")));
                }
            }
        }
    }

    private static void readWater(Tables.Table table, Columns c, List<Water> out) {
        if (!c.complete()) {
            return;
        }
        Map<YearMonth, Long> seen = new LinkedHashMap<>();
        for (Tables.Line l : table.lines()) {
            YearMonth month = c.month(l, "month");
            BigDecimal freight = c.number(l, "freight");
            BigDecimal turnover = c.number(l, "turnover");
            BigDecimal shift = c.number(l, "roadToWater");
            if (month == null) {
                continue;
            }
            Long first = seen.putIfAbsent(month, l.number());
            if (first != null) {
                c.problem(l, "month", "与第 " + first + " 行重复（同一月份）", "repeats line " + first + " (same month)");
            } else if (freight != null && shift != null && shift.compareTo(freight) > 0) {
                c.problem(l, "roadToWater", "公转水不能大于水路货运量", "road-to-water cannot exceed the water freight");
            } else {
                out.add(new Water(month, freight, turnover, shift, c.text(l, "source")));
            }
        }
    }

    // ------------------------------------------------------------------ a month's form

    /**
     * Replaces a month's figures from a JSON body: {@code throughput} (a list of lines with
     * {@code areaId}, {@code cargoClass}, {@code direction}, {@code wanTonnes}, {@code teu},
     * {@code source}) replaces all the month's throughput lines when present; {@code water}
     * (an object with {@code freightWanTonnes}, {@code turnoverWanTonneKm},
     * {@code roadToWaterWanTonnes}, {@code source}, or null to clear) replaces the month's water
     * transport when present.
     */
    Month putMonth(BureauRef bureau, YearMonth month, Map<String, Object> json) {
        List<Ports.AreaRef> areas = data.readInBureau(bureau, Ports::areas);
        List<Throughput> rows = json.containsKey("throughput") ? throughputLines(json.get("throughput"), month, areas) : null;
        boolean replaceWater = json.containsKey("water");
        Water water = replaceWater && json.get("water") != null ? waterLine(json.get("water"), month) : null;
        data.inBureau(bureau, sql -> {
            Date first = Date.valueOf(month.atDay(1));
            if (rows != null) {
                sql.update("delete from pt_throughput where month = ?", first);
                for (Throughput t : rows) {
                    upsert(bureau, sql, t);
                }
            }
            if (replaceWater) {
                sql.update("delete from pt_water_transport where month = ?", first);
                if (water != null) {
                    upsert(bureau, sql, water);
                }
            }
            return null;
        });
        return month(bureau, month);
    }

    private static List<Throughput> throughputLines(Object value, YearMonth month, List<Ports.AreaRef> areas) {
        if (!(value instanceof List<?> list)) {
            throw ModuleProblem.badInput("throughput", "throughput 应为列表", "throughput is a list");
        }
        List<Throughput> rows = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "throughput[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw ModuleProblem.badInput("throughput[" + i + "]", "第 " + (i + 1) + " 行应为对象", "line " + (i + 1) + " is an object");
            }
            @SuppressWarnings("unchecked")
            Body b = new Body(prefixed((Map<String, Object>) m, at));
            BigDecimal areaId = b.number(at + "areaId", "作业区", 0, true);
            Ports.AreaRef ref = areas.stream().filter(a -> a.id() == areaId.longValue()).findFirst()
                    .orElseThrow(() -> ModuleProblem.badInput(at + "areaId", "没有编号为 " + areaId + " 的作业区",
                            "no operating area " + areaId));
            CargoClass cargo = b.oneOf(at + "cargoClass", "货类", CargoClass.class, true);
            Flow direction = b.oneOf(at + "direction", "方向", Flow.class, true);
            BigDecimal tonnes = b.number(at + "wanTonnes", "吞吐量（万吨）", 4, true);
            BigDecimal teu = b.number(at + "teu", "集装箱（TEU）", 0, cargo == CargoClass.CONTAINER);
            if (cargo != CargoClass.CONTAINER && teu != null) {
                throw ModuleProblem.badInput(at + "teu", "只有货类为集装箱的行填写 TEU", "only container lines have TEU");
            }
            if (!keys.add(ref.id() + "/" + cargo + "/" + direction)) {
                throw ModuleProblem.badInput(at + "direction", ref.label() + " " + cargo.zh() + " " + direction.zh() + " 重复",
                        "repeated line " + (i + 1));
            }
            rows.add(new Throughput(ref.id(), ref.port(), ref.area(), month, cargo, direction, tonnes,
                    teu == null ? null : teu.intValue(), b.text(at + "source", "来源", false)));
        }
        return rows;
    }

    private static Water waterLine(Object value, YearMonth month) {
        if (!(value instanceof Map<?, ?> m)) {
            throw ModuleProblem.badInput("water", "water 应为对象", "water is an object");
        }
        @SuppressWarnings("unchecked")
        Body b = new Body(prefixed((Map<String, Object>) m, "water."));
        BigDecimal freight = b.number("water.freightWanTonnes", "水路货运量（万吨）", 4, false);
        BigDecimal shift = b.number("water.roadToWaterWanTonnes", "货物公转水（万吨）", 4, false);
        if (freight != null && shift != null && shift.compareTo(freight) > 0) {
            throw ModuleProblem.badInput("water.roadToWaterWanTonnes", "公转水不能大于水路货运量",
                    "road-to-water cannot exceed the water freight");
        }
        return new Water(month, freight, b.number("water.turnoverWanTonneKm", "货物周转量（万吨公里）", 4, false),
                shift, b.text("water.source", "来源", false));
    }

    /** The body's fields under a prefix, so that problems name {@code throughput[2].wanTonnes}. */
    private static Map<String, Object> prefixed(Map<String, Object> m, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    // ------------------------------------------------------------------ writes

    /** Inserts or updates one line; true when a figure was added or changed. */
    private static boolean upsert(BureauRef bureau, Sql sql, Throughput t) {
        return sql.update("""
                insert into pt_throughput (tenant_id, area_id, month, cargo_class, direction, wan_tonnes, teu, source)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, area_id, month, cargo_class, direction) do update
                set wan_tonnes = excluded.wan_tonnes, teu = excluded.teu, source = excluded.source, updated_at = now()
                where (pt_throughput.wan_tonnes, pt_throughput.teu, pt_throughput.source)
                      is distinct from (excluded.wan_tonnes, excluded.teu, excluded.source)""",
                bureau.code(), t.areaId(), Date.valueOf(t.month().atDay(1)), t.cargoClass().name(), t.direction().name(),
                t.wanTonnes(), t.teu(), t.source()) > 0;
    }

    private static boolean upsert(BureauRef bureau, Sql sql, Water w) {
        return sql.update("""
                insert into pt_water_transport (tenant_id, month, freight_wan_tonnes, turnover_wan_tonne_km,
                                                road_to_water_wan_tonnes, source)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, month) do update
                set freight_wan_tonnes = excluded.freight_wan_tonnes, turnover_wan_tonne_km = excluded.turnover_wan_tonne_km,
                    road_to_water_wan_tonnes = excluded.road_to_water_wan_tonnes, source = excluded.source, updated_at = now()
                where (pt_water_transport.freight_wan_tonnes, pt_water_transport.turnover_wan_tonne_km,
                       pt_water_transport.road_to_water_wan_tonnes, pt_water_transport.source)
                      is distinct from (excluded.freight_wan_tonnes, excluded.turnover_wan_tonne_km,
                                        excluded.road_to_water_wan_tonnes, excluded.source)""",
                bureau.code(), Date.valueOf(w.month().atDay(1)), w.freightWanTonnes(), w.turnoverWanTonneKm(),
                w.roadToWaterWanTonnes(), w.source()) > 0;
    }

    /** A figure without trailing zeros and never in exponent form ({@code 100}, not {@code 1E+2}). */
    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
