package cn.jiaoyun.core.demo;

import cn.jiaoyun.core.bureau.BureauDefinitionFiles;
import cn.jiaoyun.core.indicators.Indicator;
import cn.jiaoyun.core.indicators.IndicatorCatalog;
import cn.jiaoyun.core.indicators.IndicatorValues;
import cn.jiaoyun.core.indicators.Units;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a demo bureau's monthly figures kept beside its definition ({@code demo/figures-<year>.csv}:
 * {@code 指标编码,月份,数值,单位,来源}, 月份 1–12 or {@code 目标} for the annual target) when the bureau
 * has no figures of those indicators for that year yet: a second start loads nothing. Each value records its source
 * (a seed document, or 合成演示数据) so that nobody takes a synthetic figure for a real one.
 */
@Singleton
public class DemoFigures {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFigures.class);
    private static final Pattern FILE = Pattern.compile("figures-(\\d{4})\\.csv");

    private final IndicatorValues values;
    private final IndicatorCatalog catalog;
    private final TenantTransactions tx;

    public DemoFigures(IndicatorValues values, IndicatorCatalog catalog, TenantTransactions tx) {
        this.values = values;
        this.catalog = catalog;
        this.tx = tx;
    }

    /** Returns how many files were loaded. */
    public int ensure(BureauDefinitionFiles.Entry entry) {
        String code = entry.definition().code();
        Map<String, Indicator> indicators = catalog.byCode();
        int loaded = 0;
        for (var file : entry.demoFiles().entrySet()) {
            Matcher m = FILE.matcher(file.getKey());
            if (!m.matches()) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            String csv = new String(file.getValue(), StandardCharsets.UTF_8);
            java.util.Set<String> codes = csv.lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", 2)[0].strip()).collect(java.util.stream.Collectors.toSet());
            if (values.anyIn(code, year, codes)) {
                continue;
            }
            String source = entry.source().replace("tenant.yaml", "demo/" + file.getKey());
            tx.inBureau(code, () -> {
                load(code, year, source, csv, indicators);
                return null;
            });
            LOG.info("Demo figures of {} for {} loaded from {}", code, year, file.getKey());
            loaded++;
        }
        return loaded;
    }

    private void load(String code, int year, String file, String csv, Map<String, Indicator> indicators) {
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int n = i;
            if (lines[n].isBlank()) {
                continue;
            }
            String[] f = lines[n].split(",", 5);
            if (f.length < 5 || !indicators.containsKey(f[0].strip())) {
                throw new IllegalStateException(file + " line " + (n + 1) + ": not 指标编码,月份,数值,单位,来源 of a known indicator");
            }
            Indicator indicator = indicators.get(f[0].strip());
            BigDecimal value = Units.convert(new BigDecimal(f[2].strip()), f[3].strip(), indicator.unit())
                    .orElseThrow(() -> new IllegalStateException(file + " line " + (n + 1) + ": unit " + f[3]));
            String source = "demo:" + f[4].strip();
            if ("目标".equals(f[1].strip())) {
                values.target(code, indicator.code(), year, value, source);
            } else {
                values.record(code, indicator.code(), YearMonth.of(year, Integer.parseInt(f[1].strip())), value, source);
            }
        }
    }
}
