package cn.hotline.smsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A local SMPP 3.4 SMSC for development and tests: what would have been sent, readable over HTTP.
 * Run it with {@code main} (ports from args or SMSC_SMPP_PORT / SMSC_HTTP_PORT), or in-JVM:
 * {@code SmscSimulator.start(SimulatorConfig.randomPorts())}, then {@link #messages()}, {@link #injectMo}.
 */
public final class SmscSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final MessageStore store = new MessageStore();
    private final SmppEndpoint smpp;
    private final HttpView http;
    private int smppPort;

    public SmscSimulator(SimulatorConfig config) {
        this(config, Clock.systemUTC());
    }

    public SmscSimulator(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.smpp = new SmppEndpoint(config, store, clock);
        this.http = new HttpView(this);
        this.smppPort = config.smppPort();
    }

    /** Creates and starts a simulator (SMPP and HTTP). */
    public static SmscSimulator start(SimulatorConfig config) {
        SmscSimulator simulator = new SmscSimulator(config);
        simulator.start();
        return simulator;
    }

    /** Starts both sides. */
    public void start() {
        try {
            startSmpp();
            http.start(config.host(), config.httpPort());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("SMSC simulator could not listen", e);
        }
    }

    /** (Re)starts the SMPP side on the port it had (the same port after a stop, so clients can reconnect). */
    public synchronized void startSmpp() throws IOException {
        smpp.start(smppPort);
        smppPort = smpp.port();
    }

    /** Stops the SMPP side abruptly (the HTTP view stays up), as an SMSC outage. */
    public synchronized void stopSmpp() {
        smpp.stop();
    }

    public int smppPort() {
        return smppPort;
    }

    public int httpPort() {
        return http.port();
    }

    public boolean smppRunning() {
        return smpp.running();
    }

    /** Every complete message received, oldest first. */
    public List<StoredMessage> messages() {
        return store.all();
    }

    public void clearMessages() {
        store.clear();
    }

    /** Sends a mobile-originated message from {@code from}; false when no ESME is bound to receive it. */
    public boolean injectMo(String from, String text) {
        return smpp.injectMo(from, text);
    }

    /** While on, every submit_sm is answered with ESME_RTHROTTLED. */
    public void throttle(boolean on) {
        smpp.throttle(on);
    }

    /** System ids currently bound. */
    public List<String> boundSystemIds() {
        return smpp.boundSystemIds();
    }

    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("smppPort", smppPort);
        status.put("smppRunning", smpp.running());
        status.put("bound", smpp.boundSystemIds());
        status.put("throttled", smpp.throttled());
        status.put("messages", store.all().size());
        return status;
    }

    @Override
    public void close() {
        smpp.stop();
        http.stop();
    }

    /** Runs until killed: {@code SmscSimulator [smppPort [httpPort]]}; env SMSC_SMPP_PORT, SMSC_HTTP_PORT, SMSC_SYSTEM_ID, SMSC_PASSWORD. */
    public static void main(String[] args) throws InterruptedException {
        int smppPort = args.length > 0 ? Integer.parseInt(args[0]) : envInt("SMSC_SMPP_PORT", SimulatorConfig.DEFAULT_SMPP_PORT);
        int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : envInt("SMSC_HTTP_PORT", SimulatorConfig.DEFAULT_HTTP_PORT);
        String host = System.getenv().getOrDefault("SMSC_HOST", "127.0.0.1");
        SimulatorConfig config = new SimulatorConfig(host, smppPort, httpPort, System.getenv("SMSC_SYSTEM_ID"),
                System.getenv("SMSC_PASSWORD"), System.getenv().getOrDefault("SMSC_SERVICE_NUMBER", "12345"));
        SmscSimulator simulator = start(config);
        System.out.printf("SMSC simulator: SMPP %s:%d, HTTP view http://%s:%d/messages%n", host, simulator.smppPort(),
                host, simulator.httpPort());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            forever.countDown();
        }, "smsc-sim-stop"));
        forever.await();
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
