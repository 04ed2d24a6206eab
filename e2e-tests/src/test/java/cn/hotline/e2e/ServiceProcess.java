package cn.hotline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One packaged service (or the SMSC simulator, the 110 receiver) running as its own JVM, the way deploy/local runs it. */
final class ServiceProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, List<String> command, Map<String, String> env, Path logs) throws IOException {
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), log);
    }

    /** True once {@code url} answers 200; false if the process died first. */
    boolean awaitHttp200(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.onSpinWait();
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return false;
    }

    /** Sends TERM and returns at once (see {@link #awaitOrKill}). */
    void terminate() {
        process.destroy();
    }

    /** KILL (-9), as a crash: no shutdown hook runs; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end until {@code deadline}, then KILLs it. */
    void awaitOrKill(java.time.Instant deadline) throws InterruptedException {
        long left = java.time.Duration.between(java.time.Instant.now(), deadline).toMillis();
        if (!process.waitFor(Math.max(0, left), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }
}
