package cn.jiaoyun.core.tenancy;

import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.bureau.UnitRepository;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A bureau set on a pooled connection never reaches the next transaction that borrows it. */
@JiaoyunTest
class PooledConnectionTest {

    @Inject
    TenantTransactions tx;
    @Inject
    UnitRepository units;
    @Inject
    DataSource dataSource;

    @Test
    void concurrentBureausOnSharedConnectionsEachSeeOnlyTheirOwnRows() throws Exception {
        List<String> bureaus = List.of("shaoxing", "zhuji", "liuyang");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 12; thread++) {
                int offset = thread;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 150; i++) {
                        String bureau = bureaus.get((offset + i) % bureaus.size());
                        Set<String> seen = tx.readInBureau(bureau, () -> StreamSupport
                                .stream(units.findAll().spliterator(), false)
                                .map(Unit::tenantId).collect(Collectors.toSet()));
                        if (!seen.equals(Set.of(bureau))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            int wrong = 0;
            for (Future<Integer> f : results) {
                wrong += f.get();
            }
            assertThat(wrong).as("transactions that saw another bureau's rows or none of their own").isZero();
        } finally {
            pool.shutdownNow();
        }
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                borrowed.add(raw.getConnection());
            }
            for (Connection c : borrowed) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "select coalesce(current_setting('app.tenant_id', true), ''), (select count(*) from unit)")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("bureau left on a pooled connection").isEmpty();
                    assertThat(rs.getInt(2)).isZero();
                }
            }
        } finally {
            for (Connection c : borrowed) {
                c.close();
            }
        }
    }
}
