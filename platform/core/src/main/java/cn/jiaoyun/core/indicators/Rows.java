package cn.jiaoyun.core.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC for the figures' own queries, inside the caller's transaction. */
final class Rows {

    private Rows() {
    }

    /** The first column as key and the second as number, of every row {@code sql} returns. */
    static Map<String, BigDecimal> keyed(Connection c, String sql, Object... args) {
        Map<String, BigDecimal> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Mapper<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row {@code sql} returns, read by {@code mapper}. */
    static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... args) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
