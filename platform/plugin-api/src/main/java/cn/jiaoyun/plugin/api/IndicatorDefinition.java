package cn.jiaoyun.plugin.api;

import java.util.Objects;

/**
 * An indicator a module adds to the core catalog.
 *
 * @param code        unique in the catalog, lower case with dots, e.g. {@code overload.rate.expressway};
 *                    the host refuses a module whose code another module or the core already uses
 * @param nameZh      the Chinese name bureaus use, e.g. 高速公路超限率
 * @param nameEn      the English name
 * @param unit        as written in Chinese reports: {@code 万元}, {@code 万吨}, {@code %}, {@code 辆}, …
 * @param aggregation how monthly values combine into quarters, year to date and years
 * @param direction   whether a higher or a lower value is better (for rankings)
 * @param published   whether provincial and city analysts may see and compare it
 */
public record IndicatorDefinition(String code, String nameZh, String nameEn, String unit,
                                  Aggregation aggregation, Direction direction, boolean published) {

    public IndicatorDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(direction, "direction");
        if (!code.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*") || code.length() > 80) {
            throw new IllegalArgumentException("Indicator code '" + code + "' is not lower-case words joined by dots");
        }
        nameEn = nameEn == null ? nameZh : nameEn;
    }

    /** How values of successive months combine. */
    public enum Aggregation {
        /** Totals: vehicles checked, tonnes, investment. */
        SUM,
        /** Averages of the months that have a value. */
        AVERAGE,
        /** The latest month's value: stocks such as lanes online or km of road. */
        LAST,
        /** A rate recomputed from its own numerator and denominator (published with the value). */
        RATIO
    }

    /** Which way is better, for rankings. */
    public enum Direction {
        HIGHER, LOWER
    }
}
