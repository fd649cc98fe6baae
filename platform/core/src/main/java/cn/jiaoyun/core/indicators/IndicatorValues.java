package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;

/**
 * Writes a bureau's monthly values of the platform's own indicators, as the core features that
 * produce them (key projects, the entry grid, imports) compute them. A value written here is in
 * the next reading of the bureau's figures and of every comparison of its region: there is no
 * batch step between. Modules write theirs through the host's publisher instead.
 */
@Singleton
public class IndicatorValues {

    private final TenantTransactions tx;

    public IndicatorValues(TenantTransactions tx) {
        this.tx = tx;
    }

    /**
     * Sets the bureau's value of {@code code} for {@code month} (null: known to be unknown), saying
     * where it came from ({@code key-projects}, {@code entry:<username>}, {@code import:<file>}).
     * Joins the caller's transaction of the same bureau when there is one.
     */
    public void record(String tenant, String code, YearMonth month, @Nullable BigDecimal value, String source) {
        tx.withConnection(tenant, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into indicator_value (tenant_id, indicator_code, month, value, source)
                    values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, indicator_code, month) do update
                    set value = excluded.value, numerator = null, denominator = null, withheld = false,
                        source = excluded.source, updated_at = now()""")) {
                ps.setString(1, tenant);
                ps.setString(2, code);
                ps.setDate(3, Date.valueOf(month.atDay(1)));
                ps.setBigDecimal(4, value);
                ps.setString(5, source);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record " + code + " of " + tenant + " for " + month, e);
            }
        });
    }

    /** Forgets the bureau's value of {@code code} for {@code month}: the month is unknown again. */
    public void clear(String tenant, String code, YearMonth month) {
        tx.withConnection(tenant, false, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from indicator_value where indicator_code = ? and month = ?")) {
                ps.setString(1, code);
                ps.setDate(2, Date.valueOf(month.atDay(1)));
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot clear " + code + " of " + tenant + " for " + month, e);
            }
        });
    }

    /** Sets (or with null removes) the bureau's annual target of {@code code}, in the indicator's unit. */
    public void target(String tenant, String code, int year, @Nullable BigDecimal value, String by) {
        tx.withConnection(tenant, false, c -> {
            String sql = value == null
                    ? "delete from indicator_target where tenant_id = ? and indicator_code = ? and year = ?"
                    : """
                    insert into indicator_target (tenant_id, indicator_code, year, value, updated_by) values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, indicator_code, year) do update
                    set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()""";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant);
                ps.setString(2, code);
                ps.setInt(3, year);
                if (value != null) {
                    ps.setBigDecimal(4, value);
                    ps.setString(5, by);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot set the " + year + " target of " + code + " for " + tenant, e);
            }
        });
    }

    /** Whether the bureau has any value of any of {@code codes} in {@code year}. */
    public boolean anyIn(String tenant, int year, java.util.Collection<String> codes) {
        return tx.withConnection(tenant, true, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select exists (select 1 from indicator_value where month between ? and ? and indicator_code = any (?))""")) {
                ps.setDate(1, Date.valueOf(YearMonth.of(year, 1).atDay(1)));
                ps.setDate(2, Date.valueOf(YearMonth.of(year, 12).atDay(1)));
                ps.setArray(3, c.createArrayOf("text", codes.toArray()));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
