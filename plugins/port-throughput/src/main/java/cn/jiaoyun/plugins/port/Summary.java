package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The bureau's monthly figures per measure and the 港口统计 report of one month: the month, the
 * same month last year, year to date, the same period last year and both changes (同比).
 *
 * <p>When a month's throughput is known: every operating area expected to report that month
 * (its port opened in or before it, or has no opening date) has at least one line for it. Cargo
 * classes and directions without a line are then zero. While an area has not reported, the
 * month's throughput, its cargo classes and its TEU are unknown and the note names the area.
 * Before a port's opening its areas are not expected; a month in which no port was open yet
 * but one opens later counts as zero (the port did not exist), while a bureau with no port at
 * all has no figures. Water transport figures are the bureau's own lines; an empty one is unknown.
 * The arithmetic is {@link YearOnYear}'s.
 */
final class Summary {

    static final String THROUGHPUT = "throughput";
    static final String TEU = "teu";
    static final String WATER_FREIGHT = "water_freight";
    static final String WATER_TURNOVER = "water_turnover";
    static final String ROAD_TO_WATER = "road_to_water";

    /**
     * One month's figures by measure key (absent: unknown); {@code why} says why a throughput
     * measure is unknown; {@code reported} whether any throughput line exists for the month.
     */
    record MonthFigures(YearMonth month, Map<String, BigDecimal> values, String whyZh, String whyEn, boolean reported) {
    }

    /** A line of the report; null figures are unknown and the notes say why. */
    record Line(String key, String name, String unit, BigDecimal month, BigDecimal monthLastYear,
                BigDecimal monthChangePercent, YearOnYear.Reason monthChangeUnknown, BigDecimal yearToDate,
                BigDecimal lastYearToDate, BigDecimal yearToDateChangePercent, YearOnYear.Reason yearToDateChangeUnknown,
                boolean complete, List<String> notes) {
    }

    /** 港口统计 of a month. */
    record Report(YearMonth month, List<Line> lines) {
    }

    private final ModuleData data;

    Summary(ModuleData data) {
        this.data = data;
    }

    /** The figures of every month from {@code from} to {@code to}. */
    Map<YearMonth, MonthFigures> figures(BureauRef bureau, YearMonth from, YearMonth to) {
        return data.readInBureau(bureau, sql -> {
            List<Ports.AreaRef> areas = Ports.areas(sql);
            List<java.time.LocalDate> openings = sql.query("select opened_on from pt_port",
                    rs -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate());
            Map<YearMonth, List<MonthlyStatistics.Throughput>> rows = MonthlyStatistics.throughput(sql, from, to).stream()
                    .collect(Collectors.groupingBy(MonthlyStatistics.Throughput::month));
            Map<YearMonth, MonthlyStatistics.Water> water = MonthlyStatistics.water(sql, from, to).stream()
                    .collect(Collectors.toMap(MonthlyStatistics.Water::month, w -> w));
            Map<YearMonth, MonthFigures> out = new TreeMap<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                out.put(m, month(m, areas, openings, rows.getOrDefault(m, List.of()), water.get(m)));
            }
            return out;
        });
    }

    private static MonthFigures month(YearMonth m, List<Ports.AreaRef> areas, List<java.time.LocalDate> openings,
                                      List<MonthlyStatistics.Throughput> rows, MonthlyStatistics.Water water) {
        Map<String, BigDecimal> v = new HashMap<>();
        if (water != null) {
            put(v, WATER_FREIGHT, water.freightWanTonnes());
            put(v, WATER_TURNOVER, water.turnoverWanTonneKm());
            put(v, ROAD_TO_WATER, water.roadToWaterWanTonnes());
        }
        Set<Long> reported = rows.stream().map(MonthlyStatistics.Throughput::areaId).collect(Collectors.toSet());
        List<Ports.AreaRef> missing = areas.stream()
                .filter(a -> a.openedOn() == null || !a.openedOn().isAfter(m.atEndOfMonth()))
                .filter(a -> !reported.contains(a.id())).toList();
        boolean anyExpected = areas.stream().anyMatch(a -> a.openedOn() == null || !a.openedOn().isAfter(m.atEndOfMonth()));
        boolean opensLater = openings.stream().anyMatch(d -> d != null && d.isAfter(m.atEndOfMonth()));
        boolean reportedAny = !rows.isEmpty();
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Ports.AreaRef::label).collect(Collectors.joining("、"));
            return new MonthFigures(m, v, names + " 未填报", names + " not reported", reportedAny);
        }
        if (!anyExpected && rows.isEmpty() && !opensLater) {
            return new MonthFigures(m, v, "未登记港口", "no port registered", reportedAny);
        }
        BigDecimal total = BigDecimal.ZERO;
        Map<Flow, BigDecimal> byFlow = new HashMap<>();
        Map<CargoClass, BigDecimal> byClass = new HashMap<>();
        long teu = 0;
        for (MonthlyStatistics.Throughput t : rows) {
            total = total.add(t.wanTonnes());
            byFlow.merge(t.direction(), t.wanTonnes(), BigDecimal::add);
            byClass.merge(t.cargoClass(), t.wanTonnes(), BigDecimal::add);
            teu += t.teu() == null ? 0 : t.teu();
        }
        v.put(THROUGHPUT, total);
        for (Flow f : Flow.values()) {
            v.put(THROUGHPUT + "." + f.name(), byFlow.getOrDefault(f, BigDecimal.ZERO));
        }
        for (CargoClass c : CargoClass.values()) {
            v.put("cargo." + c.name(), byClass.getOrDefault(c, BigDecimal.ZERO));
        }
        v.put(TEU, BigDecimal.valueOf(teu));
        return new MonthFigures(m, v, null, null, reportedAny);
    }

    private static void put(Map<String, BigDecimal> v, String key, BigDecimal value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    /** The report of {@code month}: totals, directions, the cargo classes that moved in either year, TEU, water transport. */
    Report report(BureauRef bureau, YearMonth month, BinaryOperator<String> text) {
        YearMonth from = month.minusYears(1).withMonth(1);
        Map<YearMonth, MonthFigures> figures = figures(bureau, from, month);
        Set<CargoClass> moved = EnumSet.noneOf(CargoClass.class);
        figures.values().forEach(f -> {
            for (CargoClass c : CargoClass.values()) {
                BigDecimal x = f.values().get("cargo." + c.name());
                if (x != null && x.signum() > 0) {
                    moved.add(c);
                }
            }
        });
        Map<String, String[]> measures = new LinkedHashMap<>();
        measures.put(THROUGHPUT, new String[] {"港口货物吞吐量", "Port cargo throughput", "万吨"});
        measures.put(THROUGHPUT + ".IN", new String[] {"　其中：进港", "  of which inbound", "万吨"});
        measures.put(THROUGHPUT + ".OUT", new String[] {"　　　　出港", "  outbound", "万吨"});
        for (CargoClass c : moved) {
            measures.put("cargo." + c.name(), new String[] {"　" + c.zh(), "  " + c.en(), "万吨"});
        }
        measures.put(TEU, new String[] {"集装箱吞吐量", "Container throughput", "TEU"});
        measures.put(WATER_FREIGHT, new String[] {"水路货运量", "Water freight volume", "万吨"});
        measures.put(WATER_TURNOVER, new String[] {"水路货物周转量", "Water freight turnover", "万吨公里"});
        measures.put(ROAD_TO_WATER, new String[] {"货物公转水", "Road-to-water shift", "万吨"});
        List<Line> lines = new ArrayList<>();
        measures.forEach((key, names) -> {
            YearOnYear.Figure f = YearOnYear.of(m -> value(figures, m, key), month);
            List<String> notes = new ArrayList<>();
            for (YearMonth m : f.missing()) {
                MonthFigures mf = figures.get(m);
                String why = key.startsWith("water") || key.equals(ROAD_TO_WATER)
                        ? text.apply("未填报", "not reported") : mf.whyZh() == null ? null : text.apply(mf.whyZh(), mf.whyEn());
                notes.add(text.apply(m.getYear() + "年" + m.getMonthValue() + "月：", m + ": ")
                        + (why == null ? text.apply("未填报", "not reported") : why));
            }
            if (f.yearToDateWhy() == YearOnYear.Reason.BASE_ZERO) {
                notes.add(text.apply("上年同期为 0，不计同比", "last year's figure is 0: no change computed"));
            }
            lines.add(new Line(key, text.apply(names[0], names[1]), names[2], plain(f.month()), plain(f.monthLastYear()),
                    f.monthChange(), f.monthWhy(), plain(f.yearToDate()), plain(f.lastYearToDate()), f.yearToDateChange(),
                    f.yearToDateWhy(), f.missing().isEmpty(), notes));
        });
        return new Report(month, lines);
    }

    private static BigDecimal value(Map<YearMonth, MonthFigures> figures, YearMonth m, String key) {
        MonthFigures f = figures.get(m);
        return f == null ? null : f.values().get(key);
    }

    private static BigDecimal plain(BigDecimal v) {
        return MonthlyStatistics.plain(v);
    }
}
