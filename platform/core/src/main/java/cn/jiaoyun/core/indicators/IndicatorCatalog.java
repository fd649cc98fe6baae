package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the catalog and a bureau's values. A year-to-date figure follows the indicator's
 * aggregation: SUM adds the months, AVERAGE averages the months that have a value, LAST takes the
 * latest month with a value, RATIO divides the summed numerators by the summed denominators
 * (× 100 for %). Months without a value are unknown, never zero; no value at all is null.
 */
@Singleton
public class IndicatorCatalog {

    private static final String COLUMNS = "code, name_zh, name_en, unit, aggregation, direction, published, module_id";

    private final TenantTransactions tx;

    public IndicatorCatalog(TenantTransactions tx) {
        this.tx = tx;
    }

    public List<Indicator> all() {
        // the catalog is platform data, readable inside any bureau's transaction too
        String bureau = TenantTransactions.currentBureau();
        return tx.withConnection(bureau == null ? "" : bureau, true,
                c -> Rows.list(c, "select " + COLUMNS + " from indicator order by code", IndicatorCatalog::row));
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    /** The catalog by code, read once for work that looks up several indicators. */
    public java.util.Map<String, Indicator> byCode() {
        java.util.Map<String, Indicator> out = new java.util.HashMap<>();
        all().forEach(i -> out.put(i.code(), i));
        return out;
    }

    /**
     * The catalog a bureau works with: the platform's indicators, then the bureau's own
     * ({@code own: true}, in the order it added them). Without a bureau (a region, the platform):
     * the platform's alone.
     */
    public List<Indicator> all(@Nullable String tenant) {
        List<Indicator> out = new ArrayList<>(all());
        if (tenant != null) {
            out.addAll(BureauIndicators.own(tx, tenant));
        }
        return out;
    }

    /** {@link #all(String)} by code. */
    public java.util.Map<String, Indicator> byCode(@Nullable String tenant) {
        java.util.Map<String, Indicator> out = new java.util.LinkedHashMap<>();
        all(tenant).forEach(i -> out.put(i.code(), i));
        return out;
    }

    /** An indicator of the bureau's catalog (the platform's or its own). */
    public Optional<Indicator> find(@Nullable String tenant, String code) {
        return Optional.ofNullable(byCode(tenant).get(code));
    }

    /**
     * The bureau's figure for January to {@code through} of that year, or null when no month has a
     * value; with the quarter, half-year and year totals as {@link PeriodTotals} lets them serve.
     */
    @Nullable
    public BigDecimal yearToDate(String tenant, Indicator indicator, YearMonth through) {
        Date from = Date.valueOf(through.withMonth(1).atDay(1));
        Date to = Date.valueOf(through.atDay(1));
        return tx.withConnection(tenant, true, c -> {
            // a quarter, half-year or year total takes part: PeriodTotals decides what serves the period
            PeriodTotals.Served served = PeriodTotals.yearToDate(c, indicator, through);
            if (served != null) {
                BigDecimal v = served.period().value();
                return v == null ? null : v.round(MathContext.DECIMAL64).stripTrailingZeros();
            }
            if ("RATIO".equals(indicator.aggregation())) {
                // summed parts when every month has them, else the latest rate (a typed one): see Figures
                return Figures.over(indicator.aggregation(), indicator.unit(), through.withMonth(1), through,
                        BureauFigures.months(c, through.withMonth(1), through)
                                .getOrDefault(indicator.code(), List.of())).value();
            }
            String sql = switch (indicator.aggregation()) {
                case "SUM" -> "select sum(value) from indicator_value where indicator_code = ? and month between ? and ?";
                case "AVERAGE" -> "select avg(value) from indicator_value where indicator_code = ? and month between ? and ?";
                case "LAST" -> """
                        select value from indicator_value where indicator_code = ? and month between ? and ?
                          and value is not null order by month desc limit 1""";
                default -> """
                        select case when sum(denominator) > 0 then sum(numerator) / sum(denominator) end
                        from indicator_value where indicator_code = ? and month between ? and ?""";
            };
            BigDecimal v = single(c, sql, indicator.code(), from, to);
            if (v != null && "RATIO".equals(indicator.aggregation()) && "%".equals(indicator.unit())) {
                v = v.multiply(BigDecimal.valueOf(100));
            }
            return v == null ? null : v.round(MathContext.DECIMAL64).stripTrailingZeros();
        });
    }

    private static BigDecimal single(Connection c, String sql, String code, Date from, Date to) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            ps.setDate(2, from);
            ps.setDate(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Indicator row(ResultSet rs) throws SQLException {
        return new Indicator(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8));
    }
}
