package cn.hotline.stack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The chaos check's reads from each service's own database ({@code <prefix>_<service>}); a {@code String[]}
 * parameter is bound as a varchar array, for {@code = any(?)}.
 */
final class ServiceDatabases {

    private final String pg;
    private final String dbPrefix;

    ServiceDatabases(String pg, String dbPrefix) {
        this.pg = pg;
        this.dbPrefix = dbPrefix;
    }

    /** One connection; retried for a while, since a busy suite can hold all of PostgreSQL's connection slots. */
    Connection connect(String service) throws SQLException {
        String url = "jdbc:postgresql://" + pg + "/" + dbPrefix + "_" + service;
        for (int attempt = 1;; attempt++) {
            try {
                return DriverManager.getConnection(url, "postgres", null);
            } catch (SQLException e) {
                if (attempt >= 30) {
                    throw e;
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The one number {@code sql} answers. */
    long single(String service, String sql, Object... params) throws SQLException {
        long[] result = new long[1];
        query(service, sql, r -> result[0] = r.getLong(1), params);
        return result[0];
    }

    /** First column → second column (a count), one entry per row. */
    Map<String, Long> grouped(String service, String sql, String[] ids) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        query(service, sql, r -> result.put(r.getString(1), r.getLong(2)), (Object) ids);
        return result;
    }

    /** The first column's distinct values. */
    Set<String> keys(String service, String sql, String[] ids) throws SQLException {
        Set<String> result = new HashSet<>();
        query(service, sql, r -> result.add(r.getString(1)), (Object) ids);
        return result;
    }

    /** Runs {@code sql} on a connection of its own and hands every row to {@code row}. */
    void query(String service, String sql, Row row, Object... params) throws SQLException {
        try (Connection c = connect(service); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        }
    }

    /** What to take from one row. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet row) throws SQLException;
    }
}
