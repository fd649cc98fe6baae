package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Aggregation;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Direction;
import cn.jiaoyun.plugin.api.IndicatorPublisher;
import cn.jiaoyun.plugin.api.ModuleData;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's monthly figures, recomputed from its tables and published to the core catalog,
 * where they feed the work lists' targets (治超非现场执法处罚率在70%以上, 高速公路超限率控制在0.5%以下, …).
 */
final class Indicators {

    static final String CHECKED = "overload.vehicles_checked";
    static final String OVERLOADED = "overload.vehicles_overloaded";
    static final String RATE_EXPRESSWAY = "overload.rate_expressway";
    static final String RATE_ORDINARY = "overload.rate_ordinary";
    static final String CASES = "overload.nonsite_cases";
    static final String NONSITE_SHARE = "overload.nonsite_share";
    static final String PENALTY_RATE = "overload.penalty_rate";
    static final String LANES_ADDED = "overload.lanes_added";
    static final String LANES_ONLINE = "overload.lanes_online_rate";
    static final String DOUBLE = "overload.double_limit";
    static final String HUNDRED_TONNE = "overload.hundred_tonne";

    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            new IndicatorDefinition(CHECKED, "检测车辆数", "Vehicles checked", "辆", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(OVERLOADED, "超限车辆数", "Overloaded vehicles", "辆", Aggregation.SUM, Direction.LOWER, true),
            new IndicatorDefinition(RATE_EXPRESSWAY, "高速公路超限率", "Overload rate, expressways", "%", Aggregation.RATIO, Direction.LOWER, true),
            new IndicatorDefinition(RATE_ORDINARY, "普通公路超限率", "Overload rate, ordinary roads", "%", Aggregation.RATIO, Direction.LOWER, true),
            new IndicatorDefinition(CASES, "非现场执法案件数", "Non-site enforcement cases", "件", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(NONSITE_SHARE, "非现场执法案件占比", "Non-site share of all cases", "%", Aggregation.RATIO, Direction.HIGHER, true),
            new IndicatorDefinition(PENALTY_RATE, "治超非现场执法处罚率", "Non-site penalty rate", "%", Aggregation.RATIO, Direction.HIGHER, true),
            new IndicatorDefinition(LANES_ADDED, "新增治超非现场执法车道", "Enforcement lanes added", "条", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(LANES_ONLINE, "非现场执法车道在线率", "Lanes online", "%", Aggregation.RATIO, Direction.HIGHER, true),
            new IndicatorDefinition(DOUBLE, "超限100%以上车辆数", "Vehicles 100 % or more over", "辆", Aggregation.SUM, Direction.LOWER, true),
            new IndicatorDefinition(HUNDRED_TONNE, "百吨王车辆数", "Vehicles of 100 t or more", "辆", Aggregation.SUM, Direction.LOWER, true));

    private final ModuleData data;
    private final IndicatorPublisher publisher;

    Indicators(ModuleData data, IndicatorPublisher publisher) {
        this.data = data;
        this.publisher = publisher;
    }

    /** One day's counts: passes checked, overloaded (warnings and cases), cases opened. */
    record Day(LocalDate date, long checked, long overloaded, long cases) {
    }

    /** Computes one month's figures from the tables and publishes them; returns them by code. */
    Map<String, BigDecimal[]> recompute(BureauRef bureau, YearMonth month) {
        // one recomputation of the bureau's figures at a time, each seeing every write committed before it
        return data.inBureauExclusively(bureau, "indicators", sql -> {
            Map<String, BigDecimal[]> figures = compute(bureau, month);
            for (var e : figures.entrySet()) {
                BigDecimal[] v = e.getValue();
                if (v.length == 2) {
                    publisher.publishRatio(bureau, e.getKey(), month, v[0], v[1]);
                } else {
                    publisher.publish(bureau, e.getKey(), month, v[0]);
                }
            }
            return figures;
        });
    }

    /**
     * One month's figures by code, read only: a count as {@code [value]}, a rate as
     * {@code [numerator, denominator]}.
     */
    Map<String, BigDecimal[]> compute(BureauRef bureau, YearMonth month) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(PassRecord.CHINA).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PassRecord.CHINA).toInstant());
        return data.readInBureau(bureau, sql -> {
            Map<String, BigDecimal[]> f = new LinkedHashMap<>();
            sql.queryOne("""
                    select count(*),
                           count(*) filter (where p.outcome in ('WARNING', 'CASE')),
                           count(*) filter (where s.road_class = 'EXPRESSWAY' and p.outcome in ('WARNING', 'CASE')),
                           count(*) filter (where s.road_class = 'EXPRESSWAY'),
                           count(*) filter (where s.road_class = 'ORDINARY' and p.outcome in ('WARNING', 'CASE')),
                           count(*) filter (where s.road_class = 'ORDINARY'),
                           count(*) filter (where p.double_limit),
                           count(*) filter (where p.hundred_tonne)
                    from oe_pass p join oe_lane l on l.id = p.lane_id join oe_site s on s.id = l.site_id
                    where p.passed_at >= ? and p.passed_at < ?""", rs -> {
                f.put(CHECKED, one(rs.getBigDecimal(1)));
                f.put(OVERLOADED, one(rs.getBigDecimal(2)));
                f.put(RATE_EXPRESSWAY, new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
                f.put(RATE_ORDINARY, new BigDecimal[] {rs.getBigDecimal(5), rs.getBigDecimal(6)});
                f.put(DOUBLE, one(rs.getBigDecimal(7)));
                f.put(HUNDRED_TONNE, one(rs.getBigDecimal(8)));
                return 1;
            }, from, to);
            sql.queryOne("""
                    select count(*), count(*) filter (where status in ('PENALTY_DECIDED', 'CLOSED') and fine_yuan > 0)
                    from oe_case where detected_at >= ? and detected_at < ?""", rs -> {
                f.put(CASES, one(rs.getBigDecimal(1)));
                f.put(PENALTY_RATE, new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(1)});
                return 1;
            }, from, to);
            // the share needs the month's on-site cases; without them it stays unknown
            BigDecimal onsite = sql.queryOne("select cases from oe_onsite_cases where month = ?",
                    rs -> rs.getBigDecimal(1), java.sql.Date.valueOf(month.atDay(1))).orElse(null);
            BigDecimal nonsite = f.get(CASES)[0];
            f.put(NONSITE_SHARE, new BigDecimal[] {onsite == null ? null : nonsite,
                    onsite == null ? null : nonsite.add(onsite)});
            java.sql.Date first = java.sql.Date.valueOf(month.atDay(1));
            java.sql.Date next = java.sql.Date.valueOf(month.plusMonths(1).atDay(1));
            sql.queryOne("""
                    select count(*) filter (where commissioned_on >= ? and commissioned_on < ?),
                           count(*) filter (where online and (commissioned_on is null or commissioned_on < ?)),
                           count(*) filter (where commissioned_on is null or commissioned_on < ?)
                    from oe_lane""", rs -> {
                f.put(LANES_ADDED, one(rs.getBigDecimal(1)));
                f.put(LANES_ONLINE, new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                return 1;
            }, first, next, next, next);
            return f;
        });
    }

    /** Every day of {@code month} (China Standard Time), with zeros for days without passes. */
    List<Day> daily(BureauRef bureau, YearMonth month) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(PassRecord.CHINA).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PassRecord.CHINA).toInstant());
        Map<LocalDate, long[]> counts = new java.util.TreeMap<>();
        data.readInBureau(bureau, sql -> {
            sql.query("""
                    select (p.passed_at at time zone 'Asia/Shanghai')::date, count(*),
                           count(*) filter (where p.outcome in ('WARNING', 'CASE'))
                    from oe_pass p where p.passed_at >= ? and p.passed_at < ? group by 1""", rs -> {
                long[] c = counts.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new long[3]);
                c[0] = rs.getLong(2);
                c[1] = rs.getLong(3);
                return 1;
            }, from, to);
            sql.query("""
                    select (detected_at at time zone 'Asia/Shanghai')::date, count(*)
                    from oe_case where detected_at >= ? and detected_at < ? group by 1""", rs -> {
                counts.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new long[3])[2] = rs.getLong(2);
                return 1;
            }, from, to);
            return null;
        });
        List<Day> days = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            long[] c = counts.getOrDefault(month.atDay(d), new long[3]);
            days.add(new Day(month.atDay(d), c[0], c[1], c[2]));
        }
        return days;
    }

    /** The months (China Standard Time) that have pass records, latest first. */
    List<YearMonth> months(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.query("""
                select distinct date_trunc('month', passed_at at time zone 'Asia/Shanghai')::date
                from oe_pass order by 1 desc""", rs -> YearMonth.from(rs.getDate(1).toLocalDate())));
    }

    /** The definition of an indicator by its code. */
    static IndicatorDefinition definition(String code) {
        return DEFINITIONS.stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }

    /**
     * A figure as a bureau writes it: a rate as a percentage with one decimal ({@code 6.0%}; a dash
     * when nothing was counted), a count with thousands separators and its unit ({@code 1,234 辆}).
     */
    static String format(IndicatorDefinition definition, BigDecimal[] value) {
        if (value.length == 2) {
            if (value[1] == null || value[1].signum() == 0) {
                return "—";
            }
            return value[0].multiply(BigDecimal.valueOf(100)).divide(value[1], 1, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + "%";
        }
        return String.format(java.util.Locale.ROOT, "%,d", value[0].longValue()) + " " + definition.unit();
    }

    private static BigDecimal[] one(BigDecimal v) {
        return new BigDecimal[] {v};
    }
}
