package cn.jiaoyun.plugin.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL inside a bureau-bound transaction. Parameters are bound positionally to {@code ?}
 * (never concatenate input into SQL). Supported parameter types: those of
 * {@link java.sql.PreparedStatement#setObject(int, Object)}, plus {@code java.time} values.
 */
public interface Sql {

    /** The rows of a query, each mapped. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params);

    /** The first row of a query, if any. */
    default <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an insert, update or delete; returns the number of rows changed. */
    int update(String sql, Object... params);

    /**
     * The transaction's connection, for batches and PostgreSQL's {@code COPY}. Do not commit,
     * roll back, close it or change {@code app.tenant_id}: the host owns the transaction.
     */
    Connection connection();

    /** Maps one row; called with the cursor on it. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
