package cn.jiaoyun.plugins.port;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Aggregation;
import cn.jiaoyun.plugin.api.IndicatorDefinition.Direction;
import cn.jiaoyun.plugin.api.IndicatorPublisher;
import cn.jiaoyun.plugin.api.ModuleData;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The module's indicators in the core catalog, which feed targets such as Shaoxing's
 * "完成水路货运量1715万吨，货物公转水150万吨，内河集装箱吞吐量实现8万TEU".
 *
 * <p>A month is published after every write that may change it. A figure that is unknown
 * (an area has not reported, a water figure is empty), or a month without any line (e.g.
 * before a port opened), is published as null, never as 0. The publisher has no way to
 * retract a value; publishing null over it is how a month that lost its figures becomes
 * unknown again (the core reads a null value as unknown, as it reads a missing month).
 */
final class Indicators {

    static final String THROUGHPUT = "port.throughput";
    static final String TEU = "port.teu";
    static final String WATER_FREIGHT = "port.water_freight";
    static final String WATER_TURNOVER = "port.water_turnover";
    static final String ROAD_TO_WATER = "port.road_to_water";

    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            new IndicatorDefinition(THROUGHPUT, "港口货物吞吐量", "Port cargo throughput", "万吨", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(TEU, "集装箱吞吐量", "Container throughput", "TEU", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(WATER_FREIGHT, "水路货运量", "Water freight volume", "万吨", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(WATER_TURNOVER, "水路货物周转量", "Water freight turnover", "万吨公里", Aggregation.SUM, Direction.HIGHER, true),
            new IndicatorDefinition(ROAD_TO_WATER, "货物公转水", "Road-to-water shift", "万吨", Aggregation.SUM, Direction.HIGHER, true));

    /** Indicator code → the {@link Summary} measure it publishes. */
    private static final Map<String, String> MEASURES = Map.of(THROUGHPUT, Summary.THROUGHPUT, TEU, Summary.TEU,
            WATER_FREIGHT, Summary.WATER_FREIGHT, WATER_TURNOVER, Summary.WATER_TURNOVER, ROAD_TO_WATER, Summary.ROAD_TO_WATER);

    private final Summary summary;
    private final IndicatorPublisher publisher;
    private final ModuleData data;

    Indicators(Summary summary, IndicatorPublisher publisher, ModuleData data) {
        this.data = data;
        this.summary = summary;
        this.publisher = publisher;
    }

    /** Recomputes and publishes every indicator of each month. */
    void publish(BureauRef bureau, Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return;
        }
        YearMonth from = months.stream().min(YearMonth::compareTo).orElseThrow();
        YearMonth to = months.stream().max(YearMonth::compareTo).orElseThrow();
        // one recomputation of the bureau's figures at a time, each seeing every write committed before it
        data.inBureauExclusively(bureau, "indicators", sql -> {
            Map<YearMonth, Summary.MonthFigures> figures = summary.figures(bureau, from, to);
            for (YearMonth m : months) {
                Summary.MonthFigures f = figures.get(m);
                for (IndicatorDefinition d : DEFINITIONS) {
                    boolean fromLines = d.code().equals(THROUGHPUT) || d.code().equals(TEU);
                    BigDecimal value = fromLines && !f.reported() ? null : f.values().get(MEASURES.get(d.code()));
                    publisher.publish(bureau, d.code(), m, value);
                }
            }
            return null;
        });
    }
}
