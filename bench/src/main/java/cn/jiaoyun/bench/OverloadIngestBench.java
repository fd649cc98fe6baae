package cn.jiaoyun.bench;

import cn.jiaoyun.core.tenancy.TenantTransactions;
import cn.jiaoyun.host.BureauModules;
import cn.jiaoyun.host.PluginInstaller;
import cn.jiaoyun.host.PluginRuntime;
import cn.jiaoyun.host.RunningModule;
import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleRequest;
import cn.jiaoyun.plugin.api.ModuleUser;
import cn.jiaoyun.test.JiaoyunTestContextBuilder;
import io.micronaut.context.ApplicationContext;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 6's benchmark: N generated pass records (default 1,000,000) ingested through the
 * overload-enforcement module (CSV parsed, every record judged, batches COPYed and inserted,
 * cases opened) against a raw {@code COPY} of the same, already judged rows into the same table,
 * in one run on one database. Reports rows per second of each and their ratio (goal ≥ 0.5).
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q -pl bench exec:java [-Drows=1000000]}.
 */
public final class OverloadIngestBench {

    private static final String MODULE = "overload-enforcement";

    private OverloadIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 1_000_000);
        Path jar = Path.of(System.getProperty("jiaoyun.bench.overload-jar"));
        Path work = Files.createTempDirectory("jiaoyun-bench-");
        try (ApplicationContext ctx = new JiaoyunTestContextBuilder().build().start()) {
            ctx.getBean(PluginInstaller.class).install(jar.getFileName().toString(), Files.readAllBytes(jar), "bench");
            BureauModules modules = ctx.getBean(BureauModules.class);
            TenantTransactions tx = ctx.getBean(TenantTransactions.class);
            for (String bureau : new String[] {"shaoxing", "zhuji"}) {
                modules.enable(bureau, MODULE, "bench");
                tx.withConnection(bureau, false, c -> exec(c,
                        "insert into oe_site (tenant_id, code, name, road, road_class) values ('" + bureau
                                + "', 'S1', '基准站点', 'G104', 'ORDINARY')",
                        "insert into oe_lane (tenant_id, site_id, code) select '" + bureau + "', id, 'L1' from oe_site"));
            }
            RunningModule module = ctx.getBean(PluginRuntime.class).running(MODULE).orElseThrow();
            long zhujiLane = tx.withConnection("zhuji", true, c -> longOf(c, "select id from oe_lane"));

            Path csv = work.resolve("passes.csv");
            Path judged = work.resolve("judged.csv");
            generate(rows, csv, judged, zhujiLane);
            System.out.printf(Locale.ROOT, "generated %,d pass records (%,d bytes of CSV)%n", rows, Files.size(csv));

            String url = ctx.getRequiredProperty("datasources.owner.url", String.class);
            String user = ctx.getRequiredProperty("datasources.owner.username", String.class);
            String password = ctx.getRequiredProperty("datasources.owner.password", String.class);

            double copySeconds = rawCopy(url, user, password, judged);
            double moduleSeconds = throughModule(module, modules.bureau("shaoxing"), csv);
            long stored = tx.withConnection("shaoxing", true, c -> longOf(c, "select count(*) from oe_pass"));
            long cases = tx.withConnection("shaoxing", true, c -> longOf(c, "select count(*) from oe_case"));
            if (stored != rows) {
                throw new IllegalStateException("the module stored " + stored + " of " + rows + " rows");
            }
            double copyRate = rows / copySeconds;
            double moduleRate = rows / moduleSeconds;
            System.out.printf(Locale.ROOT, "raw COPY into oe_pass:        %8.2f s  %,12.0f rows/s%n", copySeconds, copyRate);
            System.out.printf(Locale.ROOT, "through the module (judged): %8.2f s  %,12.0f rows/s  (%,d cases opened)%n",
                    moduleSeconds, moduleRate, cases);
            System.out.printf(Locale.ROOT, "ratio module / raw COPY:      %8.2f  (goal ≥ 0.50)%n", moduleRate / copyRate);
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** The module's CSV, and the same rows judged in oe_pass's columns for the baseline (another bureau). */
    private static void generate(int rows, Path csv, Path judged, long lane) throws Exception {
        java.util.Random random = new java.util.Random(20200601);
        try (BufferedWriter a = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             BufferedWriter b = Files.newBufferedWriter(judged, StandardCharsets.UTF_8)) {
            a.write("record_id,site,lane,passed_at,plate,plate_colour,axles,vehicle_kind,gross_kg,axle_weights,speed_kmh\n");
            for (int i = 0; i < rows; i++) {
                int axles = 2 + random.nextInt(5);
                String kind = axles >= 5 || random.nextBoolean() ? "COMBINATION" : "TRUCK";
                if (axles == 5) {
                    kind = "COMBINATION";
                }
                int limit = switch (axles) {
                    case 2 -> 18_000;
                    case 3 -> kind.equals("TRUCK") ? 25_000 : 27_000;
                    case 4 -> kind.equals("TRUCK") ? 31_000 : 36_000;
                    case 5 -> 43_000;
                    default -> kind.equals("TRUCK") ? 49_000 : 49_000;
                };
                if (axles == 6) {
                    kind = "COMBINATION";
                }
                int gross = (int) (limit * (0.5 + random.nextDouble() * 0.7));
                String time = String.format(Locale.ROOT, "2020-%02d-%02d %02d:%02d:%02d",
                        1 + i % 12, 1 + i % 28, i % 24, i % 60, (i / 60) % 60);
                String id = "P" + i;
                a.write(id + ",S1,L1," + time + ",浙D" + (10000 + i % 90000) + ",黄," + axles + "," + kind + "," + gross + ",,70.0\n");
                int over = Math.max(0, gross - limit);
                String outcome = over == 0 ? "WITHIN" : over <= limit * 0.05 ? "TOLERATED" : over <= 1000 ? "WARNING" : "CASE";
                b.write("zhuji," + id + "," + lane + "," + time + "+08," + "浙D" + (10000 + i % 90000) + ",黄," + axles + ","
                        + kind + ",," + gross + ",,70.0," + limit + "," + over + "," + (over * 100.0 / limit) + "," + outcome
                        + "," + (gross >= 2 * limit) + "," + (gross >= 100_000) + "\n");
            }
        }
    }

    private static double rawCopy(String url, String user, String password, Path judged) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the owner may COPY only where row-level security is not forced; the bench database is thrown away
                s.execute("alter table oe_pass no force row level security");
            }
            c.commit();
            long t0 = System.nanoTime();
            try (Reader in = Files.newBufferedReader(judged, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy oe_pass (tenant_id, record_id, lane_id, passed_at, plate, plate_colour, axles, vehicle_kind,
                                      single_drive_axle, gross_kg, axle_weights, speed_kmh, limit_kg, over_kg,
                                      over_percent, outcome, double_limit, hundred_tonne) from stdin with (format csv)""", in);
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("alter table oe_pass force row level security");
            }
            c.commit();
            return seconds;
        }
    }

    private static double throughModule(RunningModule module, BureauRef bureau, Path csv) throws Exception {
        Importer importer = module.importers().stream().filter(i -> i.name().equals("passes")).findFirst().orElseThrow();
        ModuleRequest request = new BenchRequest(bureau);
        long t0 = System.nanoTime();
        Importer.Outcome outcome;
        try (InputStream in = Files.newInputStream(csv)) {
            outcome = module.call(() -> importer.handler().importFile(request, "passes.csv", in));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException("rows refused: " + outcome.problems().subList(0, Math.min(5, outcome.problems().size())));
        }
        return seconds;
    }

    private static Object exec(Connection c, String... statements) {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            return null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long longOf(Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request an administrator's upload would carry. */
    private record BenchRequest(BureauRef bureau) implements ModuleRequest {
        @Override
        public ModuleUser user() {
            return new ModuleUser(0, "bench", "基准测试", Set.of("BUREAU_ADMIN"));
        }

        @Override
        public Locale locale() {
            return Locale.SIMPLIFIED_CHINESE;
        }

        @Override
        public String pathParameter(String name) {
            throw new IllegalArgumentException(name);
        }

        @Override
        public Optional<String> queryParameter(String name) {
            return Optional.empty();
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public Map<String, Object> json() {
            return Map.of();
        }
    }
}
