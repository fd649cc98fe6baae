package cn.jiaoyun.host;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.IndicatorDefinition;
import cn.jiaoyun.plugin.api.IndicatorPublisher;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes a module's indicator values into {@code indicator_value}, only for indicators it declared. */
final class HostIndicatorPublisher implements IndicatorPublisher {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TenantTransactions tx;
    private final String moduleId;
    private final Map<String, IndicatorDefinition> declared;

    HostIndicatorPublisher(TenantTransactions tx, String moduleId, java.util.List<IndicatorDefinition> declared) {
        this.tx = tx;
        this.moduleId = moduleId;
        this.declared = declared.stream().collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
    }

    @Override
    public void publish(BureauRef bureau, String indicatorCode, YearMonth month, BigDecimal value) {
        IndicatorDefinition d = own(indicatorCode);
        if (d.aggregation() == IndicatorDefinition.Aggregation.RATIO) {
            throw new IllegalArgumentException("Indicator " + indicatorCode + " is a ratio: use publishRatio");
        }
        write(bureau, indicatorCode, month, value, null, null);
    }

    @Override
    public void publishRatio(BureauRef bureau, String indicatorCode, YearMonth month,
                             BigDecimal numerator, BigDecimal denominator) {
        IndicatorDefinition d = own(indicatorCode);
        BigDecimal value = null;
        if (numerator != null && denominator != null && denominator.signum() != 0) {
            value = numerator.divide(denominator, MathContext.DECIMAL64);
            if ("%".equals(d.unit())) {
                value = value.multiply(HUNDRED);
            }
        }
        write(bureau, indicatorCode, month, value, numerator, denominator);
    }

    private IndicatorDefinition own(String code) {
        IndicatorDefinition d = declared.get(code);
        if (d == null) {
            throw new IllegalArgumentException("Module " + moduleId + " did not declare indicator " + code);
        }
        return d;
    }

    private void write(BureauRef bureau, String code, YearMonth month, BigDecimal value,
                       BigDecimal numerator, BigDecimal denominator) {
        tx.withConnection(bureau.code(), false, c -> PluginStore.update(c, """
                insert into indicator_value (tenant_id, indicator_code, month, value, numerator, denominator, source)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, indicator_code, month) do update
                set value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                    source = excluded.source, updated_at = now()""",
                bureau.code(), code, Date.valueOf(month.atDay(1)), value, numerator, denominator, "module:" + moduleId));
    }
}
