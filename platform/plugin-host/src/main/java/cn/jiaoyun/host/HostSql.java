package cn.jiaoyun.host;

import cn.jiaoyun.plugin.api.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@link Sql} over the connection of a transaction the host opened. */
final class HostSql implements Sql {

    private final Connection connection;

    HostSql(Connection connection) {
        this.connection = connection;
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new ModuleSqlException(sql, e);
        }
    }

    @Override
    public int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new ModuleSqlException(sql, e);
        }
    }

    @Override
    public Connection connection() {
        return connection;
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /** A module's SQL failed; the message keeps the database's words. */
    static final class ModuleSqlException extends RuntimeException {
        ModuleSqlException(String sql, SQLException cause) {
            super(cause.getMessage() + " [" + sql.strip().lines().findFirst().orElse("") + "]", cause);
        }
    }
}
