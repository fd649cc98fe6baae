package cn.jiaoyun.core.tenancy;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work in a transaction bound to one bureau. The bureau is handed to PostgreSQL with
 * {@code set_config('app.tenant_id', ?, true)}: transaction-local, so it cannot survive on a
 * pooled connection, and every row-level security policy compares against it.
 *
 * <p>Repositories called inside the work join the transaction. A transaction never changes
 * bureau: nesting a different bureau is a programming error and fails.
 */
@Singleton
public class TenantTransactions {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final String NO_BUREAU = "";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(@Named("default") TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Reads and writes the given bureau's rows. */
    public <T> T inBureau(String tenantId, Supplier<T> work) {
        requireBureau(tenantId);
        return run(tenantId, false, work);
    }

    /** Reads the given bureau's rows in a read-only transaction. */
    public <T> T readInBureau(String tenantId, Supplier<T> work) {
        requireBureau(tenantId);
        return run(tenantId, true, work);
    }

    /**
     * Works on platform tables (the bureau registry, platform accounts) with no bureau set:
     * every bureau-owned table reads as empty and refuses writes.
     */
    public <T> T onPlatform(Supplier<T> work) {
        return run(NO_BUREAU, false, work);
    }

    /**
     * Runs {@code work} with the transaction's connection, bound to {@code tenantId} (or to no
     * bureau when it is empty): for plain-JDBC work such as plugin modules' SQL and {@code COPY}.
     */
    public <T> T withConnection(String tenantId, boolean readOnly, Function<Connection, T> work) {
        Objects.requireNonNull(tenantId, "tenantId");
        return runWith(tenantId, readOnly, work);
    }

    /**
     * Reads as a region (a regional analyst's comparison, or a bureau's rank among its peers): a
     * read-only transaction bound to no bureau, with {@code app.region_code} set, in which the
     * database shows the published indicator values and targets of the county-level bureaus
     * inside the region and nothing else of any bureau. It cannot nest in a bureau's transaction.
     */
    public <T> T readInRegion(String regionCode, Function<Connection, T> work) {
        if (regionCode == null || !regionCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("Not a region code: " + regionCode);
        }
        if (CURRENT.get() != null) {
            throw new IllegalStateException("A regional read cannot run inside the transaction of '" + CURRENT.get() + "'");
        }
        CURRENT.set(NO_BUREAU);
        try {
            return transactions.executeRead(status -> {
                Connection connection = status.getConnection();
                try (PreparedStatement ps = connection.prepareStatement(
                        "select set_config('app.tenant_id', '', true), set_config('app.region_code', ?, true)")) {
                    ps.setString(1, regionCode);
                    ps.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot bind the transaction to region " + regionCode, e);
                }
                return work.apply(connection);
            });
        } finally {
            CURRENT.remove();
        }
    }

    /** The bureau of the transaction this thread is in, or null. */
    public static String currentBureau() {
        String t = CURRENT.get();
        return t == null || t.isEmpty() ? null : t;
    }

    private <T> T run(String tenantId, boolean readOnly, Supplier<T> work) {
        return runWith(tenantId, readOnly, connection -> work.get());
    }

    private <T> T runWith(String tenantId, boolean readOnly, Function<Connection, T> work) {
        String outer = CURRENT.get();
        if (outer != null) {
            if (!outer.equals(tenantId)) {
                throw new IllegalStateException("A transaction of bureau '" + outer
                        + "' cannot switch to '" + tenantId + "'");
            }
            Connection connection = transactions.findTransactionStatus()
                    .map(status -> (Connection) status.getConnection())
                    .orElseThrow(() -> new IllegalStateException("No transaction for bureau '" + tenantId + "'"));
            return work.apply(connection);
        }
        CURRENT.set(tenantId);
        try {
            if (readOnly) {
                return transactions.executeRead(status -> begin(status.getConnection(), tenantId, work));
            }
            return transactions.executeWrite(status -> begin(status.getConnection(), tenantId, work));
        } finally {
            CURRENT.remove();
        }
    }

    private static <T> T begin(Connection connection, String tenantId, Function<Connection, T> work) {
        try (PreparedStatement ps = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenantId);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot bind the transaction to bureau '" + tenantId + "'", e);
        }
        return work.apply(connection);
    }

    private static void requireBureau(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
    }
}
