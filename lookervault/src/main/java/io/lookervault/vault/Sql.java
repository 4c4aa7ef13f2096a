package io.lookervault.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vault's one wrapper around JDBC: turns {@link SQLException} into {@link VaultException} and reads rows. */
final class Sql {
    private Sql() {}

    /** A piece of JDBC work. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws SQLException;
    }

    /** Runs {@code body} for a command that writes the vault. */
    static <T> T call(Call<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new VaultException("vault error: " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} for a read-only command, in SQLite's own words. */
    static <T> T read(Call<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new VaultException("cannot read the vault: " + sqliteMessage(e), e);
        }
    }

    /** SQLite's own words without the JDBC wrapper noise, e.g. "database disk image is malformed". */
    static String sqliteMessage(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int open = m.lastIndexOf('(');
        int close = m.lastIndexOf(')');
        if (m.startsWith("[SQLITE_") && open > 0 && close > open) {
            return m.substring(open + 1, close);
        }
        return m;
    }

    /** Runs {@code body} as one transaction on {@code c}: all of it commits, or none of it. */
    static <T> T inTransaction(Connection c, Call<T> body) throws SQLException {
        c.setAutoCommit(false);
        try {
            T out = body.run();
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static Map<String, String> pairs(PreparedStatement ps) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
