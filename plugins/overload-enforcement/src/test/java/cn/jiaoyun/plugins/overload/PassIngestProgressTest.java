package cn.jiaoyun.plugins.overload;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.ModuleData;
import cn.jiaoyun.plugin.api.Sql;
import cn.jiaoyun.plugin.api.SqlWork;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest tells its progress every {@link PassIngest#BATCH} lines and at the end (the import page's progress bar). */
class PassIngestProgressTest {

    /** A bureau with no lanes and default settings: every row is rejected, nothing is written. */
    private static final ModuleData EMPTY = new ModuleData() {
        private final Sql sql = new Sql() {
            @Override
            public <T> List<T> query(String s, RowMapper<T> mapper, Object... params) {
                return List.of();
            }

            @Override
            public int update(String s, Object... params) {
                throw new AssertionError("nothing is written");
            }

            @Override
            public Connection connection() {
                throw new AssertionError("nothing is written");
            }
        };

        @Override
        public <T> T inBureau(BureauRef bureau, SqlWork<T> work) {
            throw new AssertionError("nothing is written");
        }

        @Override
        public <T> T inBureauExclusively(BureauRef bureau, String key, SqlWork<T> work) {
            throw new AssertionError("nothing is written");
        }

        @Override
        public <T> T readInBureau(BureauRef bureau, SqlWork<T> work) {
            try {
                return work.run(sql);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <T> T readReference(SqlWork<T> work) {
            return readInBureau(null, work);
        }
    };

    @Test
    void progressIsToldEveryBatchOfLinesAndAtTheEnd() throws Exception {
        StringBuilder csv = new StringBuilder("record_id,site,lane,passed_at,plate,axles,gross_kg\n");
        int total = 2 * PassIngest.BATCH + 2_000;
        for (int i = 1; i <= total; i++) {
            csv.append("R").append(i).append(",S1,L1,2020-06-01 08:00:00,浙D").append(i).append(",2,17000\n");
        }
        List<long[]> told = new ArrayList<>();
        PassIngest.Result r = new PassIngest(EMPTY).csv(new BureauRef("shaoxing", "绍兴市交通运输局", "330600"), "big.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                (lines, accepted, duplicates, rejected) -> told.add(new long[] {lines, accepted, duplicates, rejected}));

        assertThat(r.rejected()).isEqualTo(total);
        assertThat(r.problems()).hasSize(PassIngest.MAX_PROBLEMS);
        assertThat(r.problems().get(0).line()).isEqualTo(2);
        assertThat(told).extracting(t -> t[0])
                .containsExactly((long) PassIngest.BATCH, 2L * PassIngest.BATCH, total + 1L);
        assertThat(told.get(2)).containsExactly(total + 1, 0, 0, total);
    }
}
