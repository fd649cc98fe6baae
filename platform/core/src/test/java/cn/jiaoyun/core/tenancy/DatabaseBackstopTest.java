package cn.jiaoyun.core.tenancy;

import cn.jiaoyun.core.bureau.Unit;
import cn.jiaoyun.core.bureau.UnitRepository;
import cn.jiaoyun.core.identity.UserAccount;
import cn.jiaoyun.core.identity.UserRepository;
import cn.jiaoyun.test.JiaoyunTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database refuses what the code might forget: queries without a bureau filter, writes for
 * another bureau, work outside a transaction, and platform-level work that reads bureau rows.
 */
@JiaoyunTest
class DatabaseBackstopTest {

    @Inject
    TenantTransactions tx;
    @Inject
    UnitRepository units;
    @Inject
    UserRepository users;
    @Inject
    DataSource dataSource;
    @Inject
    @Named("owner")
    DataSource ownerDataSource;
    @Inject
    @Named("default")
    TransactionOperations<Connection> rawTransactions;

    @Test
    void anUnfilteredRepositoryQueryReturnsOnlyTheOwnBureausRows() {
        List<Unit> shaoxing = tx.inBureau("shaoxing", () -> list(units.findAll()));
        List<Unit> zhuji = tx.inBureau("zhuji", () -> list(units.findAll()));

        assertThat(shaoxing).hasSize(4).allMatch(u -> u.tenantId().equals("shaoxing"));
        assertThat(zhuji).isNotEmpty().allMatch(u -> u.tenantId().equals("zhuji"));
        assertThat(tx.inBureau("shaoxing", () -> units.findById(zhuji.get(0).id()))).isEmpty();
    }

    @Test
    void writingARowForAnotherBureauIsRefusedByPostgres() {
        assertThatThrownBy(() -> tx.inBureau("shaoxing", () ->
                units.save(new Unit(null, "zhuji", "smuggled", "偷偷插入的单位", null, 9, true))))
                .hasStackTraceContaining("row-level security");

        Unit zhujiUnit = tx.inBureau("zhuji", () -> list(units.findAll()).get(0));
        try {
            tx.inBureau("shaoxing", () -> units.update(
                    new Unit(zhujiUnit.id(), "zhuji", zhujiUnit.code(), "被篡改", null, 1, true)));
        } catch (RuntimeException refused) {
            // refusing loudly is as good as changing nothing
        }
        assertThat(tx.inBureau("zhuji", () -> units.findById(zhujiUnit.id())).orElseThrow().name())
                .as("an update of another bureau's row must change nothing")
                .isEqualTo(zhujiUnit.name());
        assertThat(tx.inBureau("zhuji", () -> list(units.findAll()))).noneMatch(u -> u.code().equals("smuggled"));
    }

    @Test
    void movingOwnRowIntoAnotherBureauIsRefused() {
        UserAccount reporter = tx.inBureau("shaoxing", () -> users.findByTenantIdAndUsername("shaoxing", "reporter")).orElseThrow();
        assertThatThrownBy(() -> tx.inBureau("shaoxing", () -> {
            try (PreparedStatement ps = rawTransactions.getConnection()
                    .prepareStatement("update app_user set tenant_id = 'zhuji' where id = ?")) {
                ps.setLong(1, reporter.id());
                return ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasStackTraceContaining("row-level security");
    }

    @Test
    void outsideATransactionNothingIsVisible() throws Exception {
        assertThat(list(units.findAll())).isEmpty();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from unit")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void platformLevelWorkReadsNoRowOfAnyBureauOwnedTable() throws Exception {
        List<String> tables = bureauOwnedTables();
        assertThat(tables).contains("unit", "department", "app_user", "role_grant", "audit_event", "tenant_module");
        for (String table : tables) {
            assertThat(tx.onPlatform(() -> count(table))).as("rows of %s visible without a bureau", table).isZero();
        }
        // the zero above means something: these tables do hold rows for the bureau
        for (String table : List.of("unit", "department", "app_user", "role_grant", "audit_event", "tenant_module")) {
            assertThat(tx.inBureau("shaoxing", () -> count(table))).as("rows of %s visible to shaoxing", table).isPositive();
        }
    }

    @Test
    void aTransactionCannotSwitchBureau() {
        assertThatThrownBy(() -> tx.inBureau("shaoxing", () -> tx.inBureau("zhuji", () -> 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    private int count(String table) {
        try (Statement s = rawTransactions.getConnection().createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> bureauOwnedTables() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(ownerDataSource).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                     where n.nspname = 'public' and c.relkind = 'r' order by 1""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static <T> List<T> list(Iterable<T> it) {
        return StreamSupport.stream(it.spliterator(), false).toList();
    }
}
