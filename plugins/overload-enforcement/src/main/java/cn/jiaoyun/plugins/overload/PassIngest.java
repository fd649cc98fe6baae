package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.Importer;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.ModuleProblem;
import org.postgresql.PGConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Streams pass records into {@code oe_pass}, judging each on the way: CSV of any length is read
 * line by line and written in batches with {@code COPY} (one transaction per batch, so a long
 * file never holds one open; one batch is written while the next is read), idempotent on the
 * record id. Good rows are kept; each bad row is
 * reported with its line and reason. Every new overload beyond a warning opens a case.
 */
final class PassIngest {

    static final int BATCH = 10_000;
    static final int MAX_PROBLEMS = 1_000;

    /** The bureau's settings for judgement. */
    record Settings(BigDecimal tolerancePercent, int hundredTonneKg) {
        static final Settings DEFAULT = new Settings(new BigDecimal("5"), 100_000);
    }

    /** What an ingest did, and the months it touched (their indicators need recomputing). */
    record Result(long accepted, long duplicates, long rejected, List<Importer.RowProblem> problems, Set<YearMonth> months) {
        Importer.Outcome outcome() {
            return new Importer.Outcome(accepted, duplicates, problems);
        }
    }

    /**
     * Told how an ingest goes, after every batch written (and every {@link #BATCH} lines read):
     * the lines read so far and the counts so far. Called on the ingesting thread.
     */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (lines, accepted, duplicates, rejected) -> {
        };

        void update(long lines, long accepted, long duplicates, long rejected);
    }

    private final ModuleData data;

    PassIngest(ModuleData data) {
        this.data = data;
    }

    Settings settings(BureauRef bureau) {
        return data.readInBureau(bureau, sql -> sql.queryOne(
                "select tolerance_percent, hundred_tonne_kg from oe_setting",
                rs -> new Settings(rs.getBigDecimal(1), rs.getInt(2)))).orElse(Settings.DEFAULT);
    }

    /** Sets the bureau's judgement settings: tolerance 0–20 %, 百吨王 threshold in kg. */
    Settings saveSettings(BureauRef bureau, BigDecimal tolerancePercent, Integer hundredTonneKg) {
        if (tolerancePercent == null || tolerancePercent.signum() < 0 || tolerancePercent.compareTo(BigDecimal.valueOf(20)) > 0) {
            throw ModuleProblem.badInput("tolerancePercent", "称重允许误差应在 0 至 20（%）之间", "tolerancePercent is 0 to 20");
        }
        if (hundredTonneKg == null || hundredTonneKg <= 0) {
            throw ModuleProblem.badInput("hundredTonneKg", "百吨王阈值须为正数（千克）", "hundredTonneKg must be positive (kg)");
        }
        data.inBureau(bureau, sql -> sql.update("""
                insert into oe_setting (tenant_id, tolerance_percent, hundred_tonne_kg) values (?, ?, ?)
                on conflict (tenant_id) do update set tolerance_percent = excluded.tolerance_percent,
                    hundred_tonne_kg = excluded.hundred_tonne_kg, updated_at = now()""",
                bureau.code(), tolerancePercent, hundredTonneKg));
        return settings(bureau);
    }

    /** Reads a CSV file (UTF-8, header row naming the fields in English or Chinese). */
    Result csv(BureauRef bureau, String fileName, InputStream in) throws IOException {
        return csv(bureau, fileName, in, Progress.NONE);
    }

    /** Reads a CSV file as {@link #csv(BureauRef, String, InputStream)}, telling {@code progress} as it goes. */
    Result csv(BureauRef bureau, String fileName, InputStream in, Progress progress) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = reader.readLine();
        if (header == null) {
            throw ModuleProblem.badInput("file", "文件“" + fileName + "”是空的", "The file '" + fileName + "' is empty");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char separator = Csv.separatorOf(header);
        List<String> names = new ArrayList<>();
        for (String h : Csv.split(header, separator)) {
            String name = h.strip();
            names.add(PassRecord.HEADINGS.getOrDefault(name, name.toLowerCase(java.util.Locale.ROOT)));
        }
        List<String> missing = PassRecord.REQUIRED.stream().filter(r -> !names.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw ModuleProblem.badInput("file", "文件“" + fileName + "”第 1 行（表头）缺少列：" + String.join("、", missing),
                    "Line 1 (header) of '" + fileName + "' lacks the columns " + missing);
        }
        Batcher batcher = new Batcher(bureau, progress);
        try {
            String line;
            long lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                batcher.lines = lineNo;
                if (lineNo % BATCH == 0) {
                    batcher.report();
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = Csv.split(line, separator);
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < names.size() && i < cells.size(); i++) {
                    fields.put(names.get(i), cells.get(i));
                }
                batcher.add(lineNo, fields);
            }
            return batcher.finish();
        } finally {
            batcher.close();
        }
    }

    /** Records sent as JSON objects (the API); "line" in problems is the 1-based position in the list. */
    Result records(BureauRef bureau, List<Map<String, Object>> records) {
        Batcher batcher = new Batcher(bureau, Progress.NONE);
        try {
            long n = 0;
            for (Map<String, Object> record : records) {
                Map<String, String> fields = new HashMap<>();
                record.forEach((k, v) -> fields.put(camelToSnake(k), v == null ? null : v instanceof List<?> l
                        ? String.join(";", l.stream().map(String::valueOf).toList()) : v.toString()));
                batcher.add(++n, fields);
            }
            return batcher.finish();
        } finally {
            batcher.close();
        }
    }

    private static String camelToSnake(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Collects judged rows and writes them a batch at a time. */
    private final class Batcher {
        private final BureauRef bureau;
        private final Settings settings;
        private final Map<String, Long> lanes;
        private final StringBuilder rows = new StringBuilder(BATCH * 160);
        private final Set<String> seenInBatch = new java.util.HashSet<>();
        private int inBatch;
        private long accepted;
        private long duplicates;
        private long rejected;
        private final List<Importer.RowProblem> problems = new ArrayList<>();
        private final Set<YearMonth> months = new TreeSet<>();
        private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "overload-ingest-writer");
            t.setDaemon(true);
            return t;
        });
        private java.util.concurrent.Future<long[]> inFlight;
        private final Progress progress;
        private long lines;

        Batcher(BureauRef bureau, Progress progress) {
            this.bureau = bureau;
            this.progress = progress;
            this.settings = settings(bureau);
            this.lanes = data.readInBureau(bureau, sql -> {
                Map<String, Long> m = new HashMap<>();
                sql.query("select s.code, l.code, l.id from oe_lane l join oe_site s on s.id = l.site_id",
                        rs -> m.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)));
                return m;
            });
        }

        void add(long line, Map<String, String> fields) {
            PassRecord r;
            Judgement j;
            Long lane;
            try {
                r = PassRecord.parse(fields);
                lane = lanes.get(r.site() + "/" + r.lane());
                if (lane == null) {
                    throw new PassRecord.BadField("lane", "站点 " + r.site() + " 没有车道 " + r.lane(),
                            "site " + r.site() + " has no lane " + r.lane());
                }
                int limit = GrossLimits.limitKg(r.axles(), r.kind(), r.singleDriveAxle());
                j = Judgement.of(r.grossKg(), limit, settings.tolerancePercent(), settings.hundredTonneKg());
            } catch (PassRecord.BadField e) {
                problem(line, e.field, e.zh);
                return;
            } catch (GrossLimits.NoLimit e) {
                problem(line, "axles", e.chinese());
                return;
            }
            if (!seenInBatch.add(r.recordId())) {
                duplicates++;
                return;
            }
            months.add(YearMonth.from(r.passedAt().atZone(PassRecord.CHINA)));
            Csv.appendQuoted(rows, bureau.code());
            rows.append(',');
            Csv.appendQuoted(rows, r.recordId());
            rows.append(',').append(lane).append(',').append(r.passedAt()).append(',');
            Csv.appendQuoted(rows, r.plate());
            rows.append(',');
            Csv.appendQuoted(rows, r.plateColour());
            rows.append(',').append(r.axles()).append(',');
            rows.append(r.kind() == null ? "" : r.kind().name()).append(',');
            rows.append(r.singleDriveAxle() == null ? "" : r.singleDriveAxle()).append(',');
            rows.append(r.grossKg()).append(',');
            if (r.axleWeights() != null) {
                rows.append("\"{");
                for (int i = 0; i < r.axleWeights().length; i++) {
                    rows.append(i == 0 ? "" : ",").append(r.axleWeights()[i]);
                }
                rows.append("}\"");
            }
            rows.append(',').append(r.speedKmh() == null ? "" : r.speedKmh().toPlainString());
            rows.append(',').append(j.limitKg()).append(',').append(j.overKg()).append(',')
                    .append(j.overPercent().toPlainString()).append(',').append(j.outcome().name()).append(',')
                    .append(j.doubleLimit()).append(',').append(j.hundredTonne()).append(',').append(j.fineYuan())
                    .append('\n');
            if (++inBatch >= BATCH) {
                flush();
            }
        }

        private void problem(long line, String field, String message) {
            rejected++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Importer.RowProblem(line, field, message));
            }
        }

        /**
         * Hands the batch to the writer thread and goes on reading: the database stores one batch
         * while this thread parses and judges the next (at most one batch in flight).
         */
        private void flush() {
            if (inBatch == 0) {
                return;
            }
            awaitWritten();
            String csv = rows.toString();
            int sent = inBatch;
            inFlight = writer.submit(() -> {
                long written = data.inBureau(bureau, sql -> write(sql.connection(), csv));
                return new long[] {written, sent - written};
            });
            rows.setLength(0);
            seenInBatch.clear();
            inBatch = 0;
            report();
        }

        void report() {
            progress.update(lines, accepted, duplicates, rejected);
        }

        private void awaitWritten() {
            if (inFlight == null) {
                return;
            }
            try {
                long[] counts = inFlight.get();
                accepted += counts[0];
                duplicates += counts[1];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The ingest was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        Result finish() {
            flush();
            awaitWritten();
            report();
            return new Result(accepted, duplicates, rejected, problems, months);
        }

        void close() {
            writer.shutdownNow();
        }
    }

    /** COPY into a staging table, insert what is new and open cases for it (one transaction). */
    static long write(Connection c, String csv) throws Exception {
        try (Statement s = c.createStatement()) {
            // PostgreSQL refuses COPY into a table with row-level security: COPY into a temporary
            // table of this session, then insert into oe_pass, where the policies apply
            s.execute("""
                    create temp table if not exists oe_pass_stage (
                        tenant_id text, record_id text, lane_id bigint, passed_at timestamptz, plate text,
                        plate_colour text, axles integer, vehicle_kind text, single_drive_axle boolean,
                        gross_kg integer, axle_weights integer[], speed_kmh numeric, limit_kg integer,
                        over_kg integer, over_percent numeric, outcome text, double_limit boolean,
                        hundred_tonne boolean, fine_yuan integer) on commit delete rows""");
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy oe_pass_stage from stdin with (format csv)", new StringReader(csv));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                with added as (
                    insert into oe_pass (tenant_id, record_id, lane_id, passed_at, plate, plate_colour, axles,
                                         vehicle_kind, single_drive_axle, gross_kg, axle_weights, speed_kmh,
                                         limit_kg, over_kg, over_percent, outcome, double_limit, hundred_tonne)
                    select tenant_id, record_id, lane_id, passed_at, plate, plate_colour, axles, vehicle_kind,
                           single_drive_axle, gross_kg, axle_weights, speed_kmh, limit_kg, over_kg, over_percent,
                           outcome, double_limit, hundred_tonne
                    from oe_pass_stage
                    on conflict (tenant_id, record_id) do nothing
                    returning tenant_id, record_id, outcome, passed_at),
                opened as (
                    insert into oe_case (tenant_id, record_id, fine_yuan, detected_at)
                    select a.tenant_id, a.record_id, s.fine_yuan, a.passed_at
                    from added a join oe_pass_stage s using (record_id)
                    where a.outcome = 'CASE'
                    returning 1)
                select (select count(*) from added), (select count(*) from opened)""")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
