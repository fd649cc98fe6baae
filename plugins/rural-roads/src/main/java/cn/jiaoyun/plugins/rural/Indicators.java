package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Aggregation;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Direction;
import cn.jiaoyun.plugin.api.IndicatorPublisher;
import cn.jiaoyun.plugin.api.ModuleData;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The module's monthly figures, computed from its tables and published to the core catalog, where
 * they feed work-list targets such as 消除等外公路50公里, 改造低等级农村公路420公里, 农村公路路面维修500公里,
 * 农村公路大中修107公里, 创建"四好农村路"示范乡镇8个, 推进建成农村港湾式停靠站55个, 农村物流服务点建设280个.
 *
 * <p>Rules, one per indicator:
 * <ul>
 * <li>km and 万元 ({@code rural.km_*}, {@code rural.investment}) are the sums of the month's project
 * reports by kind: 改造低等级 = {@code UPGRADE}; 联网公路及断头路 (新改建, 通自然村) = {@code NEW_LINK},
 * kept apart because work lists set separate targets for them (改造低等级420公里 and
 * 通自然村、断头路40公里); 大中修 = {@code MAJOR_REPAIR} (the "路面维修" of the plans); 消除等外 =
 * {@code ELIMINATE_SUBSTANDARD}; 亮化 = {@code LIGHTING}; investment = every kind. A month is
 * reported when any project of the bureau has a report for it: then a kind without reports is 0.
 * A month without any report is unknown (null), never zero.</li>
 * <li>{@code rural.demo_towns}: towns named (命名) by the city in the month; {@code rural.bay_stops}:
 * bay stops built in the month; {@code rural.logistics_points}: service points opened in the
 * month (new ones, as the targets count them; closings do not subtract). These come from
 * registers, so every month up to the current one is known (0 when nothing happened); later
 * months are unknown.</li>
 * <li>{@code rural.good_road_rate} and its classes: km rated 优 or 良 over km inspected in the month,
 * each segment by its latest inspection in the month, published as numerator and denominator so
 * the core recomputes quarters and years from them; a month without inspections is unknown. A
 * segment inspected in two months of a year counts in both in the core's yearly sum, so the
 * module's own summary recomputes the year from the inspections ({@link GoodRoadRate}).</li>
 * </ul>
 */
final class Indicators {

    static final String KM_UPGRADED = "rural.km_upgraded";
    static final String KM_NEW_LINKS = "rural.km_new_links";
    static final String KM_REPAIRED = "rural.km_repaired";
    static final String KM_ELIMINATED = "rural.km_substandard_eliminated";
    static final String KM_LIT = "rural.km_lit";
    static final String INVESTMENT = "rural.investment";
    static final String DEMO_TOWNS = "rural.demo_towns";
    static final String BAY_STOPS = "rural.bay_stops";
    static final String LOGISTICS_POINTS = "rural.logistics_points";
    static final String GOOD_ROAD_RATE = "rural.good_road_rate";
    static final String GOOD_COUNTY = "rural.good_road_rate.county";
    static final String GOOD_TOWNSHIP = "rural.good_road_rate.township";
    static final String GOOD_VILLAGE = "rural.good_road_rate.village";

    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            sum(KM_UPGRADED, "改造低等级农村公路里程", "Low-grade rural road km upgraded", "公里"),
            sum(KM_NEW_LINKS, "新改建联网公路及断头路里程", "New link and dead-end road km", "公里"),
            sum(KM_REPAIRED, "农村公路大中修里程", "Rural road km of major and medium repair", "公里"),
            sum(KM_ELIMINATED, "消除等外公路里程", "Sub-standard road km eliminated", "公里"),
            sum(KM_LIT, "农村公路亮化里程", "Rural road km lit", "公里"),
            sum(INVESTMENT, "农村公路完成投资", "Rural road investment", "万元"),
            sum(DEMO_TOWNS, "命名\"四好农村路\"示范乡镇", "Demonstration towns named", "个"),
            sum(BAY_STOPS, "建成农村港湾式停靠站", "Bay bus stops built", "个"),
            sum(LOGISTICS_POINTS, "新建农村物流服务点", "Rural logistics points opened", "个"),
            rate(GOOD_ROAD_RATE, "农村公路优良路率", "Rural roads in good condition"),
            rate(GOOD_COUNTY, "县道优良路率", "County roads in good condition"),
            rate(GOOD_TOWNSHIP, "乡道优良路率", "Township roads in good condition"),
            rate(GOOD_VILLAGE, "村道优良路率", "Village roads in good condition"));

    /** The project kind each km indicator sums. */
    static final Map<String, String> KIND_OF = Map.of(KM_UPGRADED, "UPGRADE", KM_NEW_LINKS, "NEW_LINK",
            KM_REPAIRED, "MAJOR_REPAIR", KM_ELIMINATED, "ELIMINATE_SUBSTANDARD", KM_LIT, "LIGHTING");
    /** The administrative class each rate covers ({@code ALL}: every class). */
    static final Map<String, String> CLASS_OF = Map.of(GOOD_ROAD_RATE, "ALL", GOOD_COUNTY, "COUNTY",
            GOOD_TOWNSHIP, "TOWNSHIP", GOOD_VILLAGE, "VILLAGE");

    /** A month's figure: a total ({@code value}) or a rate ({@code ratio}); null parts are unknown. */
    record Figure(BigDecimal value, YearToDate.Ratio ratio) {
        static final Figure UNKNOWN = new Figure(null, YearToDate.Ratio.NONE);
    }

    private final ModuleData data;
    private final IndicatorPublisher publisher;
    private final Network network;

    Indicators(ModuleData data, IndicatorPublisher publisher, Network network) {
        this.data = data;
        this.publisher = publisher;
        this.network = network;
    }

    static IndicatorDefinition definition(String code) {
        return DEFINITIONS.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    /**
     * Every indicator's twelve monthly figures of {@code year}; {@code current} is the current month,
     * after which the registers' counts are unknown.
     */
    Map<String, Figure[]> year(BureauRef bureau, int year, YearMonth current) {
        Map<String, Figure[]> out = new LinkedHashMap<>();
        for (IndicatorDefinition d : DEFINITIONS) {
            Figure[] months = new Figure[12];
            java.util.Arrays.fill(months, Figure.UNKNOWN);
            out.put(d.code(), months);
        }
        Date from = Date.valueOf(LocalDate.of(year, 1, 1));
        Date to = Date.valueOf(LocalDate.of(year + 1, 1, 1));
        data.readInBureau(bureau, sql -> {
            Map<Integer, Map<String, BigDecimal[]>> reported = new TreeMap<>();
            sql.query("""
                    select extract(month from m.month)::int, p.kind, sum(m.km), sum(m.wan_yuan)
                    from rr_project_month m join rr_project p on p.id = m.project_id
                    where m.month >= ? and m.month < ? group by 1, 2""", rs -> {
                reported.computeIfAbsent(rs.getInt(1), m -> new LinkedHashMap<>())
                        .put(rs.getString(2), new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
                return 1;
            }, from, to);
            reported.forEach((month, kinds) -> {
                KIND_OF.forEach((code, kind) -> out.get(code)[month - 1] =
                        total(kinds.containsKey(kind) ? kinds.get(kind)[0] : BigDecimal.ZERO));
                out.get(INVESTMENT)[month - 1] = total(kinds.values().stream().map(v -> v[1])
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            });
            int known = year < current.getYear() ? 12 : year > current.getYear() ? 0 : current.getMonthValue();
            register(sql, out.get(DEMO_TOWNS), "select extract(month from named_on)::int, count(*) from rr_demo_town "
                    + "where named_on >= ? and named_on < ? group by 1", from, to, known);
            register(sql, out.get(BAY_STOPS), "select extract(month from built_on)::int, count(*) from rr_bay_stop "
                    + "where built_on >= ? and built_on < ? group by 1", from, to, known);
            register(sql, out.get(LOGISTICS_POINTS), "select extract(month from opened_on)::int, count(*) from rr_logistics_point "
                    + "where opened_on >= ? and opened_on < ? group by 1", from, to, known);
            return null;
        });
        List<GoodRoadRate.Inspection> inspections = network.rateInputs(bureau, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            Map<String, YearToDate.Ratio> rates = GoodRoadRate.of(inspections, month.atDay(1), month.atEndOfMonth());
            for (var e : CLASS_OF.entrySet()) {
                YearToDate.Ratio r = rates.get(e.getValue());
                out.get(e.getKey())[m - 1] = new Figure(null, r.denominator().signum() == 0 ? YearToDate.Ratio.NONE : r);
            }
        }
        return out;
    }

    private static void register(cn.jiaoyun.plugin.api.Sql sql, Figure[] months, String query, Date from, Date to, int known) {
        Map<Integer, BigDecimal> counts = new TreeMap<>();
        sql.query(query, rs -> counts.put(rs.getInt(1), rs.getBigDecimal(2)), from, to);
        for (int m = 1; m <= known; m++) {
            months[m - 1] = total(counts.getOrDefault(m, BigDecimal.ZERO));
        }
    }

    private static Figure total(BigDecimal v) {
        return new Figure(v, null);
    }

    /** Recomputes and publishes the given months. */
    void publish(BureauRef bureau, Collection<YearMonth> months, YearMonth current) {
        Map<Integer, TreeSet<Integer>> byYear = new TreeMap<>();
        months.forEach(m -> byYear.computeIfAbsent(m.getYear(), y -> new TreeSet<>()).add(m.getMonthValue()));
        // one recomputation of the bureau's figures at a time, each seeing every write committed before it
        data.inBureauExclusively(bureau, "indicators", sql -> {
            byYear.forEach((year, ms) -> {
                Map<String, Figure[]> figures = year(bureau, year, current);
                for (int m : ms) {
                    YearMonth month = YearMonth.of(year, m);
                    for (IndicatorDefinition d : DEFINITIONS) {
                        Figure f = figures.get(d.code())[m - 1];
                        if (d.aggregation() == Aggregation.RATIO) {
                            publisher.publishRatio(bureau, d.code(), month, f.ratio().numerator(), f.ratio().denominator());
                        } else {
                            publisher.publish(bureau, d.code(), month, f.value());
                        }
                    }
                }
            });
            return null;
        });
    }

    /** The months of a register's year that are known: January to the current month (all twelve for past years). */
    static List<YearMonth> registerMonths(LocalDate changed, YearMonth current) {
        int year = changed.getYear();
        int last = year < current.getYear() ? 12 : year > current.getYear() ? 0 : current.getMonthValue();
        java.util.List<YearMonth> months = new java.util.ArrayList<>();
        for (int m = 1; m <= last; m++) {
            months.add(YearMonth.of(year, m));
        }
        return months;
    }

    private static IndicatorDefinition sum(String code, String zh, String en, String unit) {
        return new IndicatorDefinition(code, zh, en, unit, Aggregation.SUM, Direction.HIGHER, true);
    }

    private static IndicatorDefinition rate(String code, String zh, String en) {
        return new IndicatorDefinition(code, zh, en, "%", Aggregation.RATIO, Direction.HIGHER, true);
    }
}
