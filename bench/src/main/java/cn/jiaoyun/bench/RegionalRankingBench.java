package cn.jiaoyun.bench;

import cn.jiaoyun.core.identity.PasswordHasher;
import cn.jiaoyun.core.identity.PlatformAccount;
import cn.jiaoyun.core.identity.PlatformAccountRepository;
import cn.jiaoyun.core.identity.Role;
import cn.jiaoyun.core.indicators.IndicatorValues;
import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.test.ApiSession;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 8's benchmark: B bureaus (default 3,000) in one province × I indicators (60) × M months
 * (36) generated; a province analyst's ranking (January to a month, with last year and the
 * period before) through the HTTP API — token, row-level security, the regional policy, JSON —
 * against the equivalent hand-written SQL run directly by the owner, same database, same run.
 * Reports p50 and p95 of each and their ratio (goal: the API within 2× of the SQL), then writes
 * one value and checks that the very next ranking has it (no batch step between).
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java
 * -Dbench.main=cn.jiaoyun.bench.RegionalRankingBench [-Dbureaus=3000 -Dindicators=60 -Dmonths=36 -Druns=40]}.
 */
public final class RegionalRankingBench {

    private static final String REGION = "330000";
    private static final YearMonth FIRST = YearMonth.of(2021, 1);

    private RegionalRankingBench() {
    }

    public static void main(String[] args) throws Exception {
        int bureaus = Integer.getInteger("bureaus", 3000);
        int indicators = Integer.getInteger("indicators", 60);
        int months = Integer.getInteger("months", 36);
        int runs = Integer.getInteger("runs", 40);
        try (ApplicationContext ctx = new JiaoyunTestContextBuilder().build().start();
             EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
             HttpClient http = HttpClient.create(server.getURL())) {
            String url = ctx.getRequiredProperty("datasources.owner.url", String.class);
            String user = ctx.getRequiredProperty("datasources.owner.username", String.class);
            String password = ctx.getRequiredProperty("datasources.owner.password", String.class);
            try (Connection owner = DriverManager.getConnection(url, user, password)) {
                long t0 = System.nanoTime();
                generate(owner, bureaus, indicators, months);
                System.out.printf(Locale.ROOT, "generated %,d bureaus × %d indicators × %d months = %,d values in %.1f s%n",
                        bureaus, indicators, months, (long) bureaus * indicators * months, (System.nanoTime() - t0) / 1e9);

                TenantTransactions tx = ctx.getBean(TenantTransactions.class);
                tx.onPlatform(() -> ctx.getBean(PlatformAccountRepository.class).save(new PlatformAccount(null, "analyst-bench",
                        "基准分析员", ctx.getBean(PasswordHasher.class).hash("bench-password-2026"), Role.REGIONAL_ANALYST,
                        REGION, true)));
                ApiSession analyst = ApiSession.login(http, null, "analyst-bench", "bench-password-2026");
                BlockingHttpClient client = http.toBlocking();

                Random random = new Random(2023);
                YearMonth last = FIRST.plusMonths(months - 1);
                List<long[]> timings = new ArrayList<>();
                for (int run = -5; run < runs; run++) {
                    String code = String.format(Locale.ROOT, "bench.i%02d", 1 + random.nextInt(indicators));
                    int month = 1 + random.nextInt(last.getMonthValue());
                    int year = last.getYear();
                    long a = System.nanoTime();
                    String body = client.retrieve(HttpRequest.GET("/api/regions/" + REGION + "/ranking?indicator=" + code
                            + "&period=ytd&year=" + year + "&month=" + month).bearerAuth(analyst.token()));
                    long api = System.nanoTime() - a;
                    long d = System.nanoTime();
                    ctx.getBean(cn.jiaoyun.core.indicators.RegionalComparison.class).rank(REGION, code, "ytd", year, month);
                    long direct = System.nanoTime() - d;
                    if (Boolean.getBoolean("verbose")) {
                        System.out.printf(Locale.ROOT, "    service %.1f ms%n", direct / 1e6);
                    }
                    long b = System.nanoTime();
                    int rows = handWritten(owner, code, year, month);
                    long sql = System.nanoTime() - b;
                    if (run >= 0) {
                        timings.add(new long[] {api, sql});
                    }
                    if (rows < bureaus || body.length() < bureaus) {
                        throw new IllegalStateException("a ranking lost bureaus: SQL " + rows + ", API " + body.length() + " bytes");
                    }
                }
                long[] api = timings.stream().mapToLong(t -> t[0]).sorted().toArray();
                long[] sql = timings.stream().mapToLong(t -> t[1]).sorted().toArray();
                System.out.printf(Locale.ROOT, "ranking of %,d bureaus, January to a month of %d, %d runs:%n", bureaus, last.getYear(), runs);
                System.out.printf(Locale.ROOT, "  hand-written SQL (owner, no RLS): p50 %7.1f ms  p95 %7.1f ms%n", ms(sql, 50), ms(sql, 95));
                System.out.printf(Locale.ROOT, "  API (HTTP, token, RLS, JSON):     p50 %7.1f ms  p95 %7.1f ms%n", ms(api, 50), ms(api, 95));
                System.out.printf(Locale.ROOT, "  ratio API / SQL:                  p50 %7.2f     p95 %7.2f     (goal ≤ 2)%n",
                        ms(api, 50) / ms(sql, 50), ms(api, 95) / ms(sql, 95));

                // a value written is in the next ranking
                String code = "bench.i01";
                ctx.getBean(IndicatorValues.class).record("b00042", code, last, new BigDecimal("99999999"), "bench");
                String next = client.retrieve(HttpRequest.GET("/api/regions/" + REGION + "/ranking?indicator=" + code
                        + "&period=month&year=" + last.getYear() + "&month=" + last.getMonthValue()).bearerAuth(analyst.token()));
                java.util.Map<?, ?> ranking = ctx.getBean(io.micronaut.json.JsonMapper.class).readValue(next, java.util.Map.class);
                boolean fresh = "b00042".equals(((java.util.Map<?, ?>) ((List<?>) ranking.get("lines")).get(0)).get("bureau"));
                System.out.println("  a value written is first in the next ranking: " + (fresh ? "yes" : "NO"));
                if (!fresh) {
                    throw new IllegalStateException("the ranking did not show the value just written");
                }
            }
        }
    }

    private static double ms(long[] sorted, int percentile) {
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The ranking an analyst would write by hand: January to the month, last year's, the month before's rank. */
    private static int handWritten(Connection owner, String code, int year, int month) throws Exception {
        YearMonth through = YearMonth.of(year, month);
        YearMonth from = YearMonth.of(year, 1);
        try (PreparedStatement ps = owner.prepareStatement("""
                with v as (
                    select tenant_id,
                           sum(value) filter (where month between ?1 and ?2) as now,
                           count(*) filter (where month between ?1 and ?2) as now_n,
                           sum(value) filter (where month between ?3 and ?4) as ly,
                           count(*) filter (where month between ?3 and ?4) as ly_n,
                           sum(value) filter (where month between ?1 and ?5) as before,
                           count(*) filter (where month between ?1 and ?5) as before_n
                    from indicator_value
                    where indicator_code = ?6 and value is not null and not withheld
                      and (month between ?1 and ?2 or month between ?3 and ?4)
                    group by tenant_id)
                select t.id, coalesce(t.short_name, t.name), v.now, v.ly,
                       (v.now - v.ly) * 100 / nullif(abs(v.ly), 0) as yoy,
                       rank() over (order by v.now desc nulls last) as rank,
                       rank() over (order by v.before desc nulls last) as before_rank
                from tenant t left join v on v.tenant_id = t.id
                where t.region_code like '33%' and t.region_code <> '330000'
                  and t.level in ('COUNTY_CITY', 'DISTRICT', 'COUNTY')
                order by rank, t.id""".replace("?1", "?").replace("?2", "?").replace("?3", "?").replace("?4", "?")
                .replace("?5", "?").replace("?6", "?"))) {
            Object[] p = {from, through, from, through, from.minusYears(1), through.minusYears(1), from.minusYears(1),
                    through.minusYears(1), from, through.minusMonths(1), from, through.minusMonths(1), code, from, through,
                    from.minusYears(1), through.minusYears(1)};
            int n = 1;
            for (Object o : p) {
                if (o instanceof YearMonth ym) {
                    ps.setDate(n++, Date.valueOf(ym.atDay(1)));
                } else {
                    ps.setString(n++, (String) o);
                }
            }
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static void generate(Connection owner, int bureaus, int indicators, int months) throws Exception {
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            StringBuilder tenants = new StringBuilder(
                    "insert into tenant (id, name, short_name, level, region_code, parent_region_code, parent_name, synthetic) values ");
            for (int b = 1; b <= bureaus; b++) {
                // 33AABB: AA a city, BB a county in it, neither 00
                int city = 1 + (b - 1) / 99;
                int county = 1 + (b - 1) % 99;
                tenants.append(b == 1 ? "" : ",").append(String.format(Locale.ROOT,
                        "('b%05d', '基准县%d交通运输局', '基准县%d', 'COUNTY', '33%02d%02d', '33%02d00', '基准市%d', true)",
                        b, b, b, city, county, city, city));
            }
            s.execute(tenants.toString());
            for (int i = 1; i <= indicators; i++) {
                String aggregation = i % 12 == 0 ? "RATIO" : "SUM";
                s.execute(String.format(Locale.ROOT, """
                        insert into indicator (code, name_zh, name_en, unit, aggregation, direction, published)
                        values ('bench.i%02d', '基准指标%d', 'Bench %d', '%s', '%s', 'HIGHER', true)""",
                        i, i, i, "RATIO".equals(aggregation) ? "%" : "万元", aggregation));
            }
            // the owner may COPY only where row-level security is not forced; the bench database is thrown away
            s.execute("alter table indicator_value no force row level security");
        }
        owner.commit();
        try (Reader rows = new GeneratedValues(bureaus, indicators, months)) {
            owner.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy indicator_value (tenant_id, indicator_code, month, value, numerator, denominator, source)
                    from stdin with (format csv)""", rows);
        }
        owner.commit();
        // the baseline gets the index that suits it best (by indicator and month, covering the values);
        // the application reads through its own primary-key-shaped index
        try (Statement s = owner.createStatement()) {
            s.execute("create index bench_code_month_idx on indicator_value (indicator_code, month)"
                    + " include (tenant_id, value, numerator, denominator, withheld)");
        }
        owner.commit();
        owner.setAutoCommit(true);
        try (Statement s = owner.createStatement()) {
            s.execute("vacuum analyze indicator_value");
            s.execute("analyze tenant");
        }
    }

    /** The generated values as CSV lines, produced as COPY reads them. */
    private static final class GeneratedValues extends Reader {
        private final int bureaus;
        private final int indicators;
        private final int months;
        private final Random random = new Random(8);
        private long next;
        private char[] line = new char[0];
        private int pos;

        GeneratedValues(int bureaus, int indicators, int months) {
            this.bureaus = bureaus;
            this.indicators = indicators;
            this.months = months;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int written = 0;
            while (written < len) {
                if (pos == line.length) {
                    if (next == (long) bureaus * indicators * months) {
                        return written == 0 ? -1 : written;
                    }
                    line = line(next++).toCharArray();
                    pos = 0;
                }
                int n = Math.min(len - written, line.length - pos);
                System.arraycopy(line, pos, buf, off + written, n);
                pos += n;
                written += n;
            }
            return written;
        }

        private String line(long n) {
            int month = (int) (n % months);
            int indicator = 1 + (int) (n / months % indicators);
            int bureau = 1 + (int) (n / months / indicators);
            String ym = FIRST.plusMonths(month).atDay(1).toString();
            if (indicator % 12 == 0) {
                int denominator = 50 + random.nextInt(200);
                int numerator = random.nextInt(denominator + 1);
                return String.format(Locale.ROOT, "b%05d,bench.i%02d,%s,%.4f,%d,%d,bench%n", bureau, indicator, ym,
                        numerator * 100.0 / denominator, numerator, denominator);
            }
            return String.format(Locale.ROOT, "b%05d,bench.i%02d,%s,%d.%02d,,,bench%n", bureau, indicator, ym,
                    100 + random.nextInt(5000), random.nextInt(100));
        }

        @Override
        public void close() throws IOException {
        }
    }
}
