package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bureau's monthly figures for a year: every indicator of the catalog with its months, annual
 * target, year to date, same period last year, year on year and completion of the target; and
 * the entry of months and targets by the bureau's staff. Indicators that a module publishes are
 * the module's: they are read here but not typed over.
 */
@Singleton
public class BureauFigures {

    /**
     * One month as entered: value in {@code unit} (the indicator's own when null); withheld, or
     * cleared. A rate (RATIO) takes either its typed value (58.13 for 58.13 %) or its numerator and
     * denominator, which then give the value and take precedence over a typed one.
     */
    @Serdeable
    public record Entry(String code, int month, @Nullable BigDecimal value, @Nullable String unit, boolean withheld,
                        @Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
        @io.micronaut.core.annotation.Creator
        public Entry {
        }

        public Entry(String code, int month, @Nullable BigDecimal value, @Nullable String unit, boolean withheld) {
            this(code, month, value, unit, withheld, null, null);
        }
    }

    /**
     * One month of one indicator; {@code entered}: a rate typed as it is, not computed from its
     * numerator and denominator.
     */
    @Serdeable
    public record Cell(int month, @Nullable BigDecimal value, boolean withheld, @Nullable String source,
                       boolean entered) {
    }

    /**
     * One indicator's line of the year, through a month. {@code periods}: the year's quarter,
     * half-year and year totals beside the months' figure of the same months (flagged when they
     * disagree); {@code yearToDateSources}: the pieces that serve the year to date when a total
     * takes part ({@link PeriodTotals}), empty when the months alone do.
     */
    @Serdeable
    public record Row(Indicator indicator, List<Cell> months, @Nullable BigDecimal target, Figures.Period yearToDate,
                      Figures.Period lastYear, @Nullable BigDecimal yearOnYear, @Nullable BigDecimal completion,
                      boolean moduleOwned, List<PeriodTotals.Shown> periods, List<String> yearToDateSources) {
    }

    /** The year's figures through {@code through} (1–12). */
    @Serdeable
    public record Sheet(int year, int through, List<Row> rows) {
    }

    private final TenantTransactions tx;
    private final IndicatorCatalog catalog;
    private final AuditLog audit;
    private final IndicatorValues values;
    private final Clock clock = Clock.system(java.time.ZoneId.of("Asia/Shanghai"));

    public BureauFigures(TenantTransactions tx, IndicatorCatalog catalog, AuditLog audit, IndicatorValues values) {
        this.tx = tx;
        this.catalog = catalog;
        this.audit = audit;
        this.values = values;
    }

    /** The bureau's sheet of {@code year} through month {@code through}. */
    public Sheet sheet(String tenant, int year, int through) {
        if (through < 1 || through > 12) {
            throw ApiProblem.badField("through", "figures.bad-month", through);
        }
        List<Indicator> indicators = catalog.all(tenant);
        return tx.withConnection(tenant, true, c -> {
            Map<String, List<Figures.Month>> values = months(c, YearMonth.of(year - 1, 1), YearMonth.of(year, 12));
            Map<String, BigDecimal> targets = Rows.keyed(c, "select indicator_code, value from indicator_target where year = ?", year);
            Map<String, Map<Integer, String>> sources = sources(c, year);
            Map<String, List<PeriodTotals.Total>> totals = PeriodTotals.read(c, year - 1, year);
            YearMonth from = YearMonth.of(year, 1);
            YearMonth to = YearMonth.of(year, through);
            List<Row> rows = new ArrayList<>();
            for (Indicator i : indicators) {
                List<Figures.Month> own = values.getOrDefault(i.code(), List.of());
                List<PeriodTotals.Total> ownTotals = totals.getOrDefault(i.code(), List.of());
                PeriodTotals.Served served = PeriodTotals.serve(i.aggregation(), i.unit(), from, to, own, ownTotals);
                Figures.Period ytd = served.period();
                Figures.Period before = PeriodTotals.serve(i.aggregation(), i.unit(), from.minusYears(1), to.minusYears(1),
                        own, ownTotals).period();
                List<Cell> cells = new ArrayList<>();
                for (Figures.Month m : own) {
                    if (m.month().getYear() == year) {
                        cells.add(new Cell(m.month().getMonthValue(), m.value(), m.withheld(),
                                sources.getOrDefault(i.code(), Map.of()).get(m.month().getMonthValue()),
                                Rates.typed(i, m)));
                    }
                }
                BigDecimal target = targets.get(i.code());
                rows.add(new Row(i, cells, target, ytd, before, Figures.yearOnYear(i.unit(), ytd, before),
                        Figures.completion(ytd.value(), target), i.moduleId() != null,
                        PeriodTotals.shown(i.aggregation(), i.unit(), year, own, ownTotals), served.sources()));
            }
            return new Sheet(year, through, rows);
        });
    }

    /**
     * Writes the entries in one transaction: all of them or, when any is wrong, none (every wrong
     * entry is named: {@code entries[3].value}).
     */
    public int enter(Actor actor, int year, List<Entry> entries, String source, @Nullable String clientIp) {
        Map<String, Indicator> byCode = catalog.byCode(actor.bureau());
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Entry> normalised = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        YearMonth now = YearMonth.now(clock);
        for (int n = 0; n < entries.size(); n++) {
            Entry e = entries.get(n);
            String at = "entries[" + n + "]";
            Indicator i = e.code() == null ? null : byCode.get(e.code());
            if (i == null) {
                errors.add(new ApiProblem.FieldError(at + ".code", "indicator.unknown", e.code()));
                continue;
            }
            if (i.moduleId() != null) {
                errors.add(new ApiProblem.FieldError(at + ".code", "figures.module-owned", i.nameZh(), i.moduleId()));
                continue;
            }
            if (e.month() < 1 || e.month() > 12) {
                errors.add(new ApiProblem.FieldError(at + ".month", "figures.bad-month", e.month()));
                continue;
            }
            if (YearMonth.of(year, e.month()).isAfter(now)) {
                errors.add(new ApiProblem.FieldError(at + ".month", "figures.future-month", year + "-" + e.month()));
                continue;
            }
            BigDecimal value = e.value();
            if (value != null && e.withheld()) {
                errors.add(new ApiProblem.FieldError(at + ".value", "figures.withheld-with-value", i.nameZh()));
                continue;
            }
            if (value != null && e.unit() != null && !e.unit().isBlank() && !e.unit().equals(i.unit())) {
                var converted = Units.convert(value, e.unit(), i.unit());
                if (converted.isEmpty()) {
                    errors.add(new ApiProblem.FieldError(at + ".unit", "figures.unit-mismatch", e.unit(), i.nameZh(), i.unit()));
                    continue;
                }
                value = converted.get();
            }
            Entry rate = Rates.entry(i, e, value, at, errors);
            if (rate == null) {
                continue;
            }
            normalised.add(rate);
            positions.add(n);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(io.micronaut.http.HttpStatus.BAD_REQUEST, errors, "figures.entries-refused", errors.size());
        }
        String tenant = actor.bureau();
        return tx.withConnection(tenant, false, c -> {
            List<Entry> writes = Rates.besideComputed(c, year, normalised, positions, byCode);
            for (Entry e : writes) {
                write(c, tenant, year, e, source);
            }
            audit.record(tenant, actor.auditName(), "entry".equals(source) ? AuditAction.FIGURES_ENTERED : AuditAction.FIGURES_IMPORTED,
                    "figures:" + year, normalised.size() + " months (" + source + ")", clientIp);
            return normalised.size();
        });
    }

    /** What an import did. */
    @Serdeable
    public record Imported(int months, int targets, int skippedRows) {
    }

    /**
     * Imports a sheet in the layout of {@link #workbook}: every month and target it names, in one
     * transaction; when any cell is wrong nothing is written and every wrong cell is named by row
     * and column.
     */
    public Imported importWorkbook(Actor actor, int year, String fileName, byte[] content, @Nullable String clientIp) {
        Map<String, Indicator> byCode = catalog.byCode(actor.bureau());
        FiguresWorkbook.Parsed parsed = FiguresWorkbook.parse(fileName, content, byCode, year, YearMonth.now(clock));
        List<FiguresWorkbook.Problem> problems = parsed.problems();
        if (!problems.isEmpty()) {
            throw new ApiProblem(io.micronaut.http.HttpStatus.BAD_REQUEST,
                    problems.stream().map(FiguresWorkbook.Problem::asFieldError).toList(),
                    "figures.import-refused", fileName, problems.size());
        }
        String tenant = actor.bureau();
        return tx.withConnection(tenant, false, c -> {
            int months = enter(actor, year, parsed.entries(), "import:" + fileName, clientIp);
            parsed.targets().forEach((code, value) -> target(actor, year, code, value, null, clientIp));
            return new Imported(months, parsed.targets().size(), parsed.skippedRows());
        });
    }

    /** The year's sheet as an .xlsx workbook in the layout {@link #importWorkbook} reads. */
    public byte[] workbook(String tenant, String bureauName, int year) {
        return FiguresWorkbook.export(bureauName, sheet(tenant, year, 12));
    }

    /** Sets (or with null removes) the bureau's annual target of an indicator, in {@code unit}. */
    public void target(Actor actor, int year, String code, @Nullable BigDecimal value, @Nullable String unit,
                       @Nullable String clientIp) {
        Indicator i = catalog.find(actor.bureau(), code == null ? "" : code)
                .orElseThrow(() -> ApiProblem.badField("code", "indicator.unknown", code));
        BigDecimal v = value;
        if (v != null && unit != null && !unit.isBlank() && !unit.equals(i.unit())) {
            v = Units.convert(v, unit, i.unit())
                    .orElseThrow(() -> ApiProblem.badField("unit", "figures.unit-mismatch", unit, i.nameZh(), i.unit()));
        }
        if (!Numbers.within(v, i.unit())) {
            throw ApiProblem.badField("value", "figures.rate-range", i.nameZh(), Numbers.plain(v), i.unit(),
                    Numbers.plain(Numbers.bounds(i.unit())[1]));
        }
        String tenant = actor.bureau();
        BigDecimal target = v;
        tx.withConnection(tenant, false, c -> {
            values.target(tenant, code, year, target, actor.auditName());
            audit.record(tenant, actor.auditName(), AuditAction.INDICATOR_TARGET_SET, "indicator:" + code,
                    year + " target " + (target == null ? "removed" : Numbers.plain(target) + " " + i.unit()), clientIp);
            return null;
        });
    }

    /** A value or a withheld month is written; an entry with neither makes the month unknown again. */
    private static void write(Connection c, String tenant, int year, Entry e, String source) {
        Date month = Date.valueOf(YearMonth.of(year, e.month()).atDay(1));
        if (e.value() == null && !e.withheld()) {
            update(c, "delete from indicator_value where indicator_code = ? and month = ?", e.code(), month);
            return;
        }
        update(c, """
                insert into indicator_value
                    (tenant_id, indicator_code, month, value, withheld, numerator, denominator, source)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, indicator_code, month) do update
                set value = excluded.value, withheld = excluded.withheld, numerator = excluded.numerator,
                    denominator = excluded.denominator, source = excluded.source, updated_at = now()""",
                tenant, e.code(), month, e.value(), e.withheld(), e.numerator(), e.denominator(), source);
    }

    static Map<String, List<Figures.Month>> months(Connection c, YearMonth from, YearMonth to) {
        Map<String, List<Figures.Month>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select indicator_code, month, value, numerator, denominator, withheld from indicator_value
                where month between ? and ? order by indicator_code, month""")) {
            ps.setDate(1, Date.valueOf(from.atDay(1)));
            ps.setDate(2, Date.valueOf(to.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Figures.Month(
                            YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Map<String, Map<Integer, String>> sources(Connection c, int year) {
        Map<String, Map<Integer, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select indicator_code, extract(month from month)::int, source from indicator_value where month between ? and ?")) {
            ps.setDate(1, Date.valueOf(YearMonth.of(year, 1).atDay(1)));
            ps.setDate(2, Date.valueOf(YearMonth.of(year, 12).atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static int update(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
