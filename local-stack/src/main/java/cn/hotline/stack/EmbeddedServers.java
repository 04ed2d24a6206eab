package cn.hotline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL and Redis servers from Maven Central binaries, for machines that have neither. The
 * process stays in the foreground; stopping it (SIGTERM) stops the server.
 */
final class EmbeddedServers {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private EmbeddedServers() {
    }

    /** {@code postgres PORT DATA_DIR}: PostgreSQL (zonky binaries) keeping its data in DATA_DIR. */
    static int postgres(List<String> args) throws Exception {
        int port = Integer.parseInt(args.get(0));
        Path data = Path.of(args.get(1));
        Files.createDirectories(data.getParent());
        EmbeddedPostgres postgres = null;
        // A second attempt because a first start on a fresh machine (binaries unpacked, initdb) has failed
        // once in CI where it never failed by hand; both attempts' reasons stay in the log.
        for (int attempt = 1; postgres == null; attempt++) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "300")
                        // The library's 10 s is short on a busy 2-core machine right after a long build.
                        .setPGStartupWait(STARTUP_WAIT)
                        // initdb's and the postmaster's own words go to this process's log, which up.sh shows.
                        .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                        .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                        .start();
            } catch (IOException | RuntimeException e) {
                System.err.println("embedded PostgreSQL could not start on 127.0.0.1:" + port + " (attempt "
                        + attempt + "):");
                e.printStackTrace();
                if (attempt == 2) {
                    return 1;
                }
            }
        }
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data);
        return runUntilStopped(postgres::close);
    }

    /** {@code redis PORT DATA_DIR}: Redis (embedded-redis binaries) with DATA_DIR as its working directory. */
    static int redis(List<String> args) throws Exception {
        int port = Integer.parseInt(args.get(0));
        Path data = Path.of(args.get(1));
        Files.createDirectories(data);
        RedisServer server;
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + data.toAbsolutePath())
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException | RuntimeException e) {
            System.err.println("embedded Redis could not start on 127.0.0.1:" + port + ":");
            e.printStackTrace();
            return 1;
        }
        System.out.println("embedded Redis ready on 127.0.0.1:" + port);
        return runUntilStopped(server::stop);
    }

    private static int runUntilStopped(Stopper stopper) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopper.stop();
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "embedded-server-stop"));
        stopped.await();
        // The shutdown hook has run: the JVM is exiting and must not call System.exit again.
        return Integer.MIN_VALUE;
    }

    /** A server's stop action. */
    @FunctionalInterface
    private interface Stopper {
        void stop() throws Exception;
    }
}
