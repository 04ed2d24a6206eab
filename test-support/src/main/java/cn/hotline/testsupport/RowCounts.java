package cn.hotline.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;

/** The row count of every table of the service under test's database but Flyway's history, read over JDBC. */
final class RowCounts {

    private RowCounts() {
    }

    /** Table name to row count, from the JDBC URL and user the service under test was given. */
    static Map<String, Long> now() {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " from information_schema.tables where table_type = 'BASE TABLE'"
                    + " and table_schema not in ('pg_catalog', 'information_schema')"
                    + " and table_name <> 'flyway_schema_history' order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + url, e);
        }
        return counts;
    }

    /** The tables whose count differs between two readings, as {@code table before→after}. */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((table, count) -> {
            long was = before.getOrDefault(table, 0L);
            if (was != count) {
                changes.add(table + " " + was + "→" + count);
            }
        });
        return changes;
    }
}
