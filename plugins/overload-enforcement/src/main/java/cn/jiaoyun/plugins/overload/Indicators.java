package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Aggregation;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Direction;
import cn.jiaoyun.plugin.api.IndicatorPublisher;
import cn.jiaoyun.plugin.api.ModuleData;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
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

    /** Computes one month's figures from the tables and publishes them; returns them by code. */
    Map<String, BigDecimal[]> recompute(BureauRef bureau, YearMonth month) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(PassRecord.CHINA).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PassRecord.CHINA).toInstant());
        Map<String, BigDecimal[]> figures = data.readInBureau(bureau, sql -> {
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
        for (var e : figures.entrySet()) {
            BigDecimal[] v = e.getValue();
            if (v.length == 2) {
                publisher.publishRatio(bureau, e.getKey(), month, v[0], v[1]);
            } else {
                publisher.publish(bureau, e.getKey(), month, v[0]);
            }
        }
        return figures;
    }

    private static BigDecimal[] one(BigDecimal v) {
        return new BigDecimal[] {v};
    }
}
