package cn.hotline.police;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A local stand-in for the 110 system's hand-over intake, for development and tests: acknowledges each hand-over
 * once by its id and lists what it received over HTTP. Run it with {@code main} (port from the first argument or
 * POLICE_RECEIVER_PORT), or in-JVM: {@code PoliceReceiver.start(ReceiverConfig.randomPort())}.
 */
public final class PoliceReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ReceiverConfig config;
    private final HandoverStore store;
    private final HttpApi http;
    private final AtomicBoolean losingAcks = new AtomicBoolean();
    private int port;

    public PoliceReceiver(ReceiverConfig config) {
        this(config, Clock.systemUTC());
    }

    public PoliceReceiver(ReceiverConfig config, Clock clock) {
        this.config = config;
        this.store = new HandoverStore(JSON, clock, config.dataFile());
        this.http = new HttpApi(this, JSON);
        this.port = config.port();
    }

    /** Creates and starts a receiver. */
    public static PoliceReceiver start(ReceiverConfig config) {
        PoliceReceiver receiver = new PoliceReceiver(config);
        receiver.start();
        return receiver;
    }

    /** (Re)starts listening, on the port it had after a {@link #stop()} so senders find it again; no-op while listening. */
    public synchronized void start() {
        if (http.running()) {
            return;
        }
        try {
            http.start(config.host(), port);
            port = http.port();
        } catch (IOException e) {
            throw new UncheckedIOException("police receiver could not listen on " + config.host() + ":" + port, e);
        }
    }

    /** Stops listening (what it received is kept): 110 unreachable. */
    public synchronized void stop() {
        http.stop();
    }

    public boolean running() {
        return http.running();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + config.host() + ":" + port;
    }

    /** Every hand-over received, once each, oldest first. */
    public List<ReceivedHandover> handovers() {
        return store.all();
    }

    public void clear() {
        store.clear();
    }

    /** While on, hand-overs are stored but answered 503, as if the acknowledgement never reached the sender. */
    public void loseAcks(boolean on) {
        losingAcks.set(on);
    }

    boolean losingAcks() {
        return losingAcks.get();
    }

    HandoverStore.Outcome receive(String handoverId, Map<String, Object> body) {
        return store.receive(handoverId, body);
    }

    Map<String, Object> status() {
        Map<String, Object> status = store.status();
        status.put("port", port);
        status.put("losingAcks", losingAcks.get());
        return status;
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs until killed: {@code PoliceReceiver [port]}; env POLICE_RECEIVER_PORT, POLICE_RECEIVER_HOST, POLICE_RECEIVER_DATA. */
    public static void main(String[] args) throws InterruptedException {
        String envPort = System.getenv("POLICE_RECEIVER_PORT");
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : envPort == null || envPort.isBlank() ? ReceiverConfig.DEFAULT_PORT : Integer.parseInt(envPort.trim());
        String host = System.getenv().getOrDefault("POLICE_RECEIVER_HOST", "127.0.0.1");
        String data = System.getenv("POLICE_RECEIVER_DATA");
        PoliceReceiver receiver = start(new ReceiverConfig(host, port, data == null || data.isBlank() ? null : Path.of(data)));
        System.out.printf("police receiver (stand-in 110): http://%s:%d/handovers%s%n", host, receiver.port(),
                data == null || data.isBlank() ? "" : ", kept in " + data);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            forever.countDown();
        }, "police-receiver-stop"));
        forever.await();
    }
}
