package cn.hotline.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for tests: the servers that answer at the configured addresses (defaults
 * 127.0.0.1:5432 and 127.0.0.1:6379, overridable with HOTLINE_TEST_PG_HOST/PORT and
 * HOTLINE_TEST_REDIS_HOST/PORT), else real embedded servers started on free ports.
 */
public final class TestServers {

    private static String pgHostPort;
    private static String redisHostPort;
    private static final Set<String> FRESH_DATABASES = new HashSet<>();

    private TestServers() {
    }

    /** {@code host:port} of a PostgreSQL that accepts user {@code postgres} without a password. */
    public static synchronized String postgres() {
        if (pgHostPort == null) {
            String host = env("HOTLINE_TEST_PG_HOST", "127.0.0.1");
            int port = Integer.parseInt(env("HOTLINE_TEST_PG_PORT", "5432"));
            if (answers(host, port)) {
                pgHostPort = host + ":" + port;
            } else {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "test-postgres-stop"));
                    pgHostPort = "127.0.0.1:" + postgres.getPort();
                } catch (IOException e) {
                    throw new IllegalStateException("no PostgreSQL at " + host + ":" + port
                            + " and the embedded one did not start", e);
                }
            }
        }
        return pgHostPort;
    }

    /** Drops and creates {@code database} once per test JVM, so every run migrates a clean schema. */
    public static synchronized void freshDatabase(String database) {
        if (!FRESH_DATABASES.add(database)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + postgres() + "/postgres",
                "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
            statement.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }

    /** {@code host:port} of a Redis server. */
    public static synchronized String redis() {
        if (redisHostPort == null) {
            String host = env("HOTLINE_TEST_REDIS_HOST", "127.0.0.1");
            int port = Integer.parseInt(env("HOTLINE_TEST_REDIS_PORT", "6379"));
            if (answers(host, port)) {
                redisHostPort = host + ":" + port;
            } else {
                try {
                    int free = freePort();
                    RedisServer server = new RedisServer(free);
                    server.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "test-redis-stop"));
                    redisHostPort = "127.0.0.1:" + free;
                } catch (IOException e) {
                    throw new IllegalStateException("no Redis at " + host + ":" + port
                            + " and the embedded one did not start", e);
                }
            }
        }
        return redisHostPort;
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // JVM is exiting; nothing left to do.
        }
    }

    private static void close(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // JVM is exiting; nothing left to do.
        }
    }
}
