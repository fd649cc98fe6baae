package cn.jiaoyun.core.indicators;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.core.web.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks the county-level bureaus of a region on one published indicator for a period, straight
 * from the monthly values as they are now: no batch step, a value written is in the next ranking.
 * Everything is read in a regional transaction ({@link TenantTransactions#readInRegion}), where
 * the database itself shows only published indicators of bureaus inside the region.
 *
 * <p>Only complete periods are ranked (every month known, see {@link Figures}); a bureau with a
 * month missing is listed after the ranked ones with what it has. Ties share a rank (1, 2, 2, 4).
 * The change of rank compares with the period before: the month, quarter or year before, or
 * January to the month before. A quarter is the one that holds the month asked for. Quarter,
 * half-year and year totals of bureaus that have no months serve their periods as
 * {@link PeriodTotals} says (a Q1 total the first quarter, an H1 total January to June, a year total the year).
 */
@Singleton
public class RegionalComparison {

    /** Which months a ranking covers. */
    public enum PeriodKind {
        MONTH, QUARTER, YTD, YEAR;

        static PeriodKind parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw ApiProblem.badField("period", "region.bad-period", s);
            }
        }
    }

    /** One bureau's line. */
    @Serdeable
    public record Line(String bureau, String name, boolean synthetic, Figures.Period period, Figures.Period lastYear,
                       @Nullable BigDecimal yearOnYear, @Nullable BigDecimal target, @Nullable BigDecimal completion,
                       @Nullable Integer rank, @Nullable Integer previousRank, @Nullable Integer rankChange) {

        /** {@code rankChange}: places moved up (positive) or down since the period before; null when either is unranked. */
        Line(String bureau, String name, boolean synthetic, Figures.Period period, Figures.Period lastYear,
             @Nullable BigDecimal yearOnYear, @Nullable BigDecimal target, @Nullable BigDecimal completion,
             @Nullable Integer rank, @Nullable Integer previousRank) {
            this(bureau, name, synthetic, period, lastYear, yearOnYear, target, completion, rank, previousRank,
                    rank == null || previousRank == null ? null : previousRank - rank);
        }
    }

    /** The ranking of a region's bureaus. */
    @Serdeable
    public record Ranking(String region, Indicator indicator, String period, int year, int month, String labelZh,
                          String labelEn, List<Line> lines) {
    }

    private final TenantTransactions tx;
    private final IndicatorCatalog catalog;

    public RegionalComparison(TenantTransactions tx, IndicatorCatalog catalog) {
        this.tx = tx;
        this.catalog = catalog;
    }

    /** The published indicators a region may compare. */
    public List<Indicator> comparable() {
        return catalog.all().stream().filter(Indicator::published).toList();
    }

    /** The ranking of {@code region}'s bureaus on {@code code} for the period ending in {@code year}-{@code month}. */
    public Ranking rank(String region, String code, String periodKind, int year, int month) {
        PeriodKind kind = PeriodKind.parse(periodKind);
        if (month < 1 || month > 12) {
            throw ApiProblem.badField("month", "figures.bad-month", month);
        }
        YearMonth through = switch (kind) {
            case YEAR -> YearMonth.of(year, 12);
            case QUARTER -> YearMonth.of(year, ((month - 1) / 3 + 1) * 3);
            default -> YearMonth.of(year, month);
        };
        YearMonth from = switch (kind) {
            case MONTH -> through;
            case QUARTER -> through.minusMonths(2);
            default -> YearMonth.of(year, 1);
        };
        YearMonth[] before = previous(kind, from, through);
        return tx.readInRegion(region, c -> {
            // the catalog is read in the same transaction: one round of BEGIN/COMMIT less per ranking
            Indicator indicator = catalog.find(code == null ? "" : code).filter(Indicator::published)
                    .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "region.unknown-indicator", code));
            Map<String, String[]> bureaus = new LinkedHashMap<>();
            List<Map<String, Figures.Period>> all = before == null
                    ? periods(c, indicator, bureaus, List.of(new YearMonth[] {from, through},
                            new YearMonth[] {from.minusYears(1), through.minusYears(1)}))
                    : periods(c, indicator, bureaus, List.of(new YearMonth[] {from, through},
                            new YearMonth[] {from.minusYears(1), through.minusYears(1)}, before));
            Map<String, Figures.Period> now = all.get(0);
            Map<String, Figures.Period> lastYear = all.get(1);
            Map<String, Figures.Period> earlier = before == null ? Map.of() : all.get(2);
            Map<String, BigDecimal> targets = kind == PeriodKind.MONTH ? Map.of()
                    : Rows.keyed(c, "select tenant_id, value from indicator_target where indicator_code = ? and year = ?", code, year);
            Map<String, Integer> ranks = ranks(now, indicator);
            Map<String, Integer> previousRanks = ranks(earlier, indicator);
            List<Line> lines = new ArrayList<>();
            bureaus.forEach((id, facts) -> {
                Figures.Period p = now.getOrDefault(id, unknown(from, through));
                Figures.Period ly = lastYear.getOrDefault(id, unknown(from, through));
                BigDecimal target = targets.get(id);
                lines.add(new Line(id, facts[0], "true".equals(facts[1]), p, ly, Figures.yearOnYear(indicator.unit(), p, ly),
                        target, Figures.completion(p.value(), target), ranks.get(id), previousRanks.get(id)));
            });
            lines.sort(Comparator.comparing((Line l) -> l.rank() == null ? Integer.MAX_VALUE : l.rank())
                    .thenComparing(l -> l.period().value() == null ? 1 : 0)
                    .thenComparing(Line::bureau));
            return new Ranking(region, indicator, kind.name(), year, through.getMonthValue(), labelZh(kind, through),
                    labelEn(kind, through), lines);
        });
    }

    /** Where a bureau stands among the peers of a region: rank (null when unranked) and how many are ranked. */
    @Serdeable
    public record Standing(String region, @Nullable Integer rank, int ranked, int peers, String labelZh) {
    }

    public Standing standing(String region, String bureau, String code, String periodKind, int year, int month) {
        Ranking r = rank(region, code, periodKind, year, month);
        Integer rank = r.lines().stream().filter(l -> l.bureau().equals(bureau)).findFirst().map(Line::rank).orElse(null);
        int ranked = (int) r.lines().stream().filter(l -> l.rank() != null).count();
        return new Standing(region, rank, ranked, r.lines().size(), r.labelZh());
    }

    /** A region an analyst may compare: its code and name (绍兴市). */
    @Serdeable
    public record Area(String code, String name) {
    }

    /**
     * The region itself and the regions inside it that have county-level bureaus (a province's
     * cities), as the bureaus' registry names them: what a province's analyst chooses from.
     */
    public List<Area> areas(String region) {
        String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        return tx.withConnection("", true, c -> {
            List<Area> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select parent_region_code, min(parent_name) from tenant
                    where parent_region_code like ? and region_code like ? and level in ('COUNTY_CITY', 'DISTRICT', 'COUNTY')
                    group by parent_region_code order by parent_region_code""")) {
                ps.setString(1, prefix + "%");
                ps.setString(2, prefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Area(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (out.stream().noneMatch(a -> a.code().equals(region))) {
                // a province: named by the bureaus it is the parent of (绍兴市交通运输局 → 浙江省)
                out.add(0, new Area(region, regionName(c, region)));
            }
            return out;
        });
    }

    private static String regionName(Connection c, String region) {
        try (PreparedStatement ps = c.prepareStatement(
                "select min(parent_name) from tenant where parent_region_code = ?")) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : region;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the bureaus of {@code region} may see their own rank among its bureaus. */
    public boolean bureausSeeRank(String region) {
        return tx.withConnection("", true, c -> {
            try (PreparedStatement ps = c.prepareStatement("select bureaus_see_rank from region_setting where region_code = ?")) {
                ps.setString(1, region);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void setBureausSeeRank(String region, boolean see, String by) {
        if (region == null || !region.matches("[0-9]{6}")) {
            throw ApiProblem.badField("region", "region.outside", region, "—");
        }
        tx.withConnection("", false, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into region_setting (region_code, bureaus_see_rank, updated_by) values (?, ?, ?)
                    on conflict (region_code) do update set bureaus_see_rank = excluded.bureaus_see_rank,
                        updated_by = excluded.updated_by, updated_at = now()""")) {
                ps.setString(1, region);
                ps.setBoolean(2, see);
                ps.setString(3, by);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Figures.Period unknown(YearMonth from, YearMonth through) {
        return new Figures.Period(null, 0, (int) from.until(through, java.time.temporal.ChronoUnit.MONTHS) + 1, false);
    }

    private static YearMonth[] previous(PeriodKind kind, YearMonth from, YearMonth through) {
        return switch (kind) {
            case MONTH -> new YearMonth[] {from.minusMonths(1), through.minusMonths(1)};
            case QUARTER -> new YearMonth[] {from.minusMonths(3), through.minusMonths(3)};
            case YTD -> through.getMonthValue() == 1 ? null : new YearMonth[] {from, through.minusMonths(1)};
            case YEAR -> new YearMonth[] {from.minusYears(1), through.minusYears(1)};
        };
    }

    static String labelZh(PeriodKind kind, YearMonth through) {
        return switch (kind) {
            case MONTH -> through.getYear() + "年" + through.getMonthValue() + "月";
            case QUARTER -> through.getYear() + "年第" + "一二三四".charAt(through.getMonthValue() / 3 - 1) + "季度";
            case YTD -> through.getMonthValue() == 1 ? through.getYear() + "年1月"
                    : through.getYear() + "年1-" + through.getMonthValue() + "月";
            case YEAR -> through.getYear() + "年全年";
        };
    }

    static String labelEn(PeriodKind kind, YearMonth through) {
        String m = through.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
        return switch (kind) {
            case MONTH -> m + " " + through.getYear();
            case QUARTER -> "Q" + through.getMonthValue() / 3 + " " + through.getYear();
            case YTD -> "Jan–" + m + " " + through.getYear();
            case YEAR -> "Year " + through.getYear();
        };
    }

    /** Competition ranks of the complete periods, best first by the indicator's direction. */
    static Map<String, Integer> ranks(Map<String, Figures.Period> periods, Indicator indicator) {
        Comparator<BigDecimal> better = "LOWER".equals(indicator.direction()) ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Map.Entry<String, Figures.Period>> ranked = periods.entrySet().stream()
                .filter(e -> e.getValue().complete() && e.getValue().value() != null)
                .sorted((a, b) -> better.compare(a.getValue().value(), b.getValue().value()))
                .toList();
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            BigDecimal v = ranked.get(i).getValue().value();
            int rank = i > 0 && ranked.get(i - 1).getValue().value().compareTo(v) == 0
                    ? out.get(ranked.get(i - 1).getKey()) : i + 1;
            out.put(ranked.get(i).getKey(), rank);
        }
        return out;
    }

    /**
     * Each visible bureau's figure of each period ({@code [from, through]} pairs), aggregated by
     * PostgreSQL in one pass over the indicator's months (the row-level policy limits it to the
     * region).
     */
    static List<Map<String, Figures.Period>> periods(Connection c, Indicator indicator, Map<String, String[]> bureaus,
                                                     List<YearMonth[]> ranges) {
        // only what the indicator's aggregation needs: ratio parts for RATIO, the latest month for LAST
        boolean ratio = "RATIO".equals(indicator.aggregation());
        // a rate typed without its parts (see Figures): the parts count only when every month has them
        boolean latest = "LAST".equals(indicator.aggregation()) || ratio;
        String allParts = " * case when bool_and(numerator is not null and denominator is not null) filter (where "
                + "month between ? and ?) then 1 end";
        StringBuilder sql = new StringBuilder("select tenant_id");
        for (int i = 0; i < ranges.size(); i++) {
            String in = "month between ? and ?";
            sql.append(", count(*) filter (where ").append(in).append(")")
                    .append(", sum(value) filter (where ").append(in).append(")")
                    .append(ratio ? ", sum(numerator) filter (where " + in + ")" + allParts : ", null::numeric")
                    .append(ratio ? ", sum(denominator) filter (where " + in + ")" + allParts : ", null::numeric")
                    .append(latest ? ", (array_agg(value order by month desc) filter (where " + in + "))[1]" : ", null::numeric")
                    .append(", max(month) filter (where ").append(in).append(")");
        }
        // the months as a list, so that the index finds exactly them for each bureau
        sql.append(" from indicator_value where indicator_code = ? and month = any (?) and value is not null and not withheld")
                .append(" group by tenant_id");
        // every bureau of the region, with or without figures, in one round trip
        String query = "select t.id, coalesce(t.short_name, t.name), t.synthetic, v.* from tenant t left join ("
                + sql + ") v on v.tenant_id = t.id"
                + " where t.id = any (coalesce((select app_region_bureaus()), '{}'::text[])) order by t.region_code, t.id";
        List<Map<String, Figures.Period>> out = new ArrayList<>();
        ranges.forEach(r -> out.add(new HashMap<>()));
        try (PreparedStatement ps = c.prepareStatement(query)) {
            int n = 1;
            int filters = 3 + (ratio ? 4 : 0) + (latest ? 1 : 0);
            for (YearMonth[] r : ranges) {
                for (int k = 0; k < filters; k++) {
                    ps.setDate(n++, Date.valueOf(r[0].atDay(1)));
                    ps.setDate(n++, Date.valueOf(r[1].atDay(1)));
                }
            }
            ps.setString(n++, indicator.code());
            java.util.TreeSet<YearMonth> wanted = new java.util.TreeSet<>();
            for (YearMonth[] r : ranges) {
                for (YearMonth m = r[0]; !m.isAfter(r[1]); m = m.plusMonths(1)) {
                    wanted.add(m);
                }
            }
            ps.setArray(n, c.createArrayOf("date", wanted.stream().map(m -> Date.valueOf(m.atDay(1))).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bureaus.put(rs.getString(1), new String[] {rs.getString(2), String.valueOf(rs.getBoolean(3))});
                    for (int i = 0; i < ranges.size(); i++) {
                        int base = 5 + i * 6;
                        int known = rs.getInt(base);
                        if (known == 0) {
                            continue;
                        }
                        YearMonth[] r = ranges.get(i);
                        int months = (int) r[0].until(r[1], java.time.temporal.ChronoUnit.MONTHS) + 1;
                        boolean lastIsThrough = YearMonth.from(rs.getDate(base + 5).toLocalDate()).equals(r[1]);
                        out.get(i).put(rs.getString(1), Figures.of(indicator.aggregation(), indicator.unit(), months, known,
                                rs.getBigDecimal(base + 1), rs.getBigDecimal(base + 2), rs.getBigDecimal(base + 3),
                                rs.getBigDecimal(base + 4), lastIsThrough));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // quarter, half-year and year totals of the bureaus that have them (PeriodTotals' rule)
        PeriodTotals.overlay(c, indicator, ranges, out);
        return out;
    }
}
