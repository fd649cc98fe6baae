package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.audit.AuditAction;
import cn.jiaoyun.core.audit.AuditLog;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry of a bureau's quarter, half-year and year totals ({@link PeriodTotals}): in any scale of
 * the indicator's unit (亿元 into 万元), a ratio as numerator and denominator or as the rate typed;
 * all entries or, when any is wrong, none, every wrong one named ({@code entries[2].period}); a
 * null value (and no parts) removes a total. Every change is audited with before and after.
 * Indicators a module publishes are the module's and take no totals typed here.
 */
@Singleton
public class BureauPeriodTotals {

    /** A total as entered: value in {@code unit} (the indicator's own when null), or ratio parts. */
    @Serdeable
    public record Entry(String code, String period, @Nullable BigDecimal value, @Nullable String unit,
                        @Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
    }

    private record Checked(Indicator indicator, PeriodTotals.Span span, @Nullable BigDecimal value,
                           @Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
    }

    private final TenantTransactions tx;
    private final IndicatorCatalog catalog;
    private final AuditLog audit;
    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

    public BureauPeriodTotals(TenantTransactions tx, IndicatorCatalog catalog, AuditLog audit) {
        this.tx = tx;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The bureau's totals of {@code year}, in the order Q1..Q4, H1, H2, Y per indicator. */
    public List<PeriodTotals.Total> of(String tenant, int year) {
        checkYear(year);
        return tx.withConnection(tenant, true, c -> PeriodTotals.read(c, year, year).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().sorted((a, b) -> a.span().compareTo(b.span())))
                .toList());
    }

    /** Writes (or removes) the totals in one transaction; the number written. */
    public int enter(Actor actor, int year, List<Entry> entries, @Nullable String clientIp) {
        checkYear(year);
        Map<String, Indicator> byCode = catalog.byCode(actor.bureau());
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        YearMonth now = YearMonth.now(clock);
        for (int n = 0; n < entries.size(); n++) {
            Entry e = entries.get(n);
            String at = "entries[" + n + "]";
            if (e == null) {
                errors.add(new ApiProblem.FieldError(at + ".code", "indicator.unknown", "—"));
                continue;
            }
            Indicator i = e.code() == null ? null : byCode.get(e.code());
            if (i == null) {
                errors.add(new ApiProblem.FieldError(at + ".code", "indicator.unknown", e.code()));
                continue;
            }
            if (i.moduleId() != null) {
                errors.add(new ApiProblem.FieldError(at + ".code", "figures.module-owned", i.nameZh(), i.moduleId()));
                continue;
            }
            PeriodTotals.Span span = PeriodTotals.Span.parse(e.period()).orElse(null);
            if (span == null) {
                errors.add(new ApiProblem.FieldError(at + ".period", "periods.bad-period", e.period()));
                continue;
            }
            if (!seen.add(i.code() + "/" + span)) {
                errors.add(new ApiProblem.FieldError(at + ".period", "periods.twice", i.nameZh(), span.name()));
                continue;
            }
            if (YearMonth.of(year, span.last()).isAfter(now)) {
                errors.add(new ApiProblem.FieldError(at + ".period", "periods.not-ended", year, span.name()));
                continue;
            }
            Checked ok = check(at, i, span, e, errors);
            if (ok != null) {
                checked.add(ok);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors, "periods.entries-refused", errors.size());
        }
        String tenant = actor.bureau();
        return tx.withConnection(tenant, false, c -> {
            int written = 0;
            for (Checked e : checked) {
                written += write(c, actor, tenant, year, e, clientIp);
            }
            return written;
        });
    }

    /** The entry in the indicator's unit, or null after adding what is wrong with it to {@code errors}. */
    @Nullable
    private static Checked check(String at, Indicator i, PeriodTotals.Span span, Entry e,
                                 List<ApiProblem.FieldError> errors) {
        boolean ratio = "RATIO".equals(i.aggregation());
        BigDecimal value = e.value();
        BigDecimal numerator = e.numerator();
        BigDecimal denominator = e.denominator();
        if (!ratio && (numerator != null || denominator != null)) {
            errors.add(new ApiProblem.FieldError(at + (numerator != null ? ".numerator" : ".denominator"),
                    "periods.parts-not-ratio", i.nameZh()));
            return null;
        }
        if (ratio && (numerator != null || denominator != null)) {
            if (value != null) {
                errors.add(new ApiProblem.FieldError(at + ".value", "periods.value-and-parts", i.nameZh()));
                return null;
            }
            if (numerator == null || denominator == null) {
                errors.add(new ApiProblem.FieldError(at + (numerator == null ? ".numerator" : ".denominator"),
                        "periods.part-missing", i.nameZh()));
                return null;
            }
            if (numerator.signum() < 0) {
                errors.add(new ApiProblem.FieldError(at + ".numerator", "periods.negative", i.nameZh(),
                        Numbers.plain(numerator)));
                return null;
            }
            if (denominator.signum() <= 0) {
                errors.add(new ApiProblem.FieldError(at + ".denominator", "periods.denominator", i.nameZh(),
                        Numbers.plain(denominator)));
                return null;
            }
            BigDecimal rate = PeriodTotals.rate(numerator, denominator, i.unit());
            if (!Numbers.within(rate, i.unit())) {
                errors.add(new ApiProblem.FieldError(at + ".numerator", "figures.rate-range", i.nameZh(),
                        Numbers.rounded(rate, 2), i.unit(), Numbers.plain(Numbers.bounds(i.unit())[1])));
                return null;
            }
            return new Checked(i, span, rate, numerator, denominator);
        }
        if (value == null) {
            return new Checked(i, span, null, null, null);
        }
        if (value.signum() < 0) {
            errors.add(new ApiProblem.FieldError(at + ".value", "periods.negative", i.nameZh(), Numbers.plain(value)));
            return null;
        }
        if (e.unit() != null && !e.unit().isBlank() && !e.unit().equals(i.unit())) {
            var converted = Units.convert(value, e.unit(), i.unit());
            if (converted.isEmpty()) {
                errors.add(new ApiProblem.FieldError(at + ".unit", "figures.unit-mismatch", e.unit(), i.nameZh(),
                        i.unit()));
                return null;
            }
            value = converted.get();
        }
        // a typed rate obeys the same bounds as a typed month (0–100 for %)
        if (!Numbers.within(value, i.unit())) {
            errors.add(new ApiProblem.FieldError(at + ".value", "figures.rate-range", i.nameZh(),
                    Numbers.plain(value), i.unit(), Numbers.plain(Numbers.bounds(i.unit())[1])));
            return null;
        }
        return new Checked(i, span, value, null, null);
    }

    private int write(Connection c, Actor actor, String tenant, int year, Checked e, @Nullable String clientIp) {
        String code = e.indicator().code();
        String period = e.span().name();
        PeriodTotals.Total before = current(c, code, year, period);
        if (e.value() == null) {
            if (before == null) {
                return 0;
            }
            BureauFigures.update(c,
                    "delete from indicator_period_total where indicator_code = ? and year = ? and period = ?",
                    code, year, period);
        } else {
            BureauFigures.update(c, """
                    insert into indicator_period_total
                        (tenant_id, indicator_code, year, period, value, numerator, denominator, source, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, 'entry', ?)
                    on conflict (tenant_id, indicator_code, year, period) do update
                    set value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                        source = excluded.source, updated_by = excluded.updated_by, updated_at = now()""",
                    tenant, code, year, period, e.value(), e.numerator(), e.denominator(), actor.auditName());
        }
        String after = e.value() == null ? "removed"
                : describe(new PeriodTotals.Total(code, year, period, e.value(), e.numerator(), e.denominator()),
                        e.indicator());
        audit.record(tenant, actor.auditName(), AuditAction.PERIOD_TOTAL_SET, "indicator:" + code,
                year + " " + period + " total: " + describe(before, e.indicator()) + " → " + after, clientIp);
        return 1;
    }

    private static String describe(@Nullable PeriodTotals.Total t, Indicator i) {
        if (t == null) {
            return "—";
        }
        String parts = t.numerator() == null ? ""
                : " (" + Numbers.plain(t.numerator()) + "/" + Numbers.plain(t.denominator()) + ")";
        return Numbers.plain(t.value()) + " " + i.unit() + parts;
    }

    @Nullable
    private static PeriodTotals.Total current(Connection c, String code, int year, String period) {
        try (PreparedStatement ps = c.prepareStatement("""
                select value, numerator, denominator from indicator_period_total
                where indicator_code = ? and year = ? and period = ?""")) {
            ps.setString(1, code);
            ps.setInt(2, year);
            ps.setString(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new PeriodTotals.Total(code, year, period, rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badField("year", "periods.bad-year", year);
        }
    }
}
