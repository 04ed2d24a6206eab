package cn.hotline.stack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite's PostgreSQL work from its statistics views: commits and row writes in the suite's databases
 * (pg_stat_database), and statements from pg_stat_statements where the server loads it.
 */
final class PgCounters {

    private final String jdbcUrl;
    private final String dbPattern;
    private final boolean statements;

    PgCounters(String jdbcUrl, String dbPrefix) {
        this.jdbcUrl = jdbcUrl;
        this.dbPattern = dbPrefix + "\\_%";
        this.statements = statementsAvailable();
    }

    boolean countsStatements() {
        return statements;
    }

    /** Totals so far across the suite's databases. */
    Totals take() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long commits;
            long rows;
            try (PreparedStatement s = c.prepareStatement("select coalesce(sum(xact_commit), 0), coalesce(sum(tup_inserted"
                    + " + tup_updated + tup_deleted), 0) from pg_stat_database where datname like ?")) {
                s.setString(1, dbPattern);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    commits = r.getLong(1);
                    rows = r.getLong(2);
                }
            }
            long calls = -1;
            if (statements) {
                try (PreparedStatement s = c.prepareStatement("select coalesce(sum(calls), 0) from pg_stat_statements p"
                        + " join pg_database d on d.oid = p.dbid where d.datname like ?")) {
                    s.setString(1, dbPattern);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        calls = r.getLong(1);
                    }
                }
            }
            return new Totals(commits, rows, calls);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL statistics: " + e.getMessage(), e);
        }
    }

    private boolean statementsAvailable() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement()) {
            try (ResultSet loaded = s.executeQuery("select 1 from pg_settings where name = 'shared_preload_libraries'"
                    + " and setting like '%pg_stat_statements%'")) {
                if (!loaded.next()) {
                    return false;
                }
            }
            s.execute("create extension if not exists pg_stat_statements");
            s.executeQuery("select 1 from pg_stat_statements limit 1").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Commits, row writes and (or -1) statements. */
    record Totals(long commits, long rowWrites, long statements) {

        Totals minus(Totals earlier) {
            return new Totals(commits - earlier.commits, rowWrites - earlier.rowWrites,
                    statements < 0 || earlier.statements < 0 ? -1 : statements - earlier.statements);
        }
    }
}
