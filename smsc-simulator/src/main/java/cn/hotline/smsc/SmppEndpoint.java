package cn.hotline.smsc;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP side of the simulator: listens, hands each connection to {@link BoundSessions} for its bind and each PDU
 * to {@link SubmitSmHandler}; stops as abruptly as a crashing SMSC and restarts on the same port.
 */
final class SmppEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SmppEndpoint.class);

    private final SimulatorConfig config;
    private final BoundSessions sessions;
    private final DeliverySender sender;
    private final SubmitSmHandler handler;
    private volatile SMPPServerSessionListener listener;
    private volatile ExecutorService executor;
    private volatile int port = -1;

    SmppEndpoint(SimulatorConfig config, MessageStore store, Clock clock) {
        this.config = config;
        this.sessions = new BoundSessions(config);
        this.sender = new DeliverySender(config, clock);
        this.handler = new SubmitSmHandler(store, clock, sessions, sender, () -> executor);
    }

    /** Starts listening on {@code requestedPort} (0 = any free port, or the port used before a restart). */
    synchronized void start(int requestedPort) throws IOException {
        if (listener != null) {
            return;
        }
        LoopbackServerConnectionFactory factory = new LoopbackServerConnectionFactory(config.host());
        SMPPServerSessionListener server = new SMPPServerSessionListener(requestedPort, factory);
        server.setMessageReceiverListener(handler);
        server.setResponseDeliveryListener(handler);
        port = factory.boundPort();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smsc-sim-" + port);
            t.setDaemon(true);
            return t;
        });
        listener = server;
        ExecutorService own = executor;
        own.execute(() -> acceptLoop(server, own));
        LOG.info("SMSC simulator listening for SMPP on {}:{}", config.host(), port);
    }

    /** Closes the listener and every session abruptly, as a crashing SMSC would. */
    synchronized void stop() {
        if (listener == null) {
            return;
        }
        SMPPServerSessionListener closing = listener;
        listener = null;
        try {
            closing.close();
        } catch (IOException e) {
            LOG.debug("closing listener", e);
        }
        sessions.closeAll();
        executor.shutdownNow();
        LOG.info("SMSC simulator SMPP side stopped (port {})", port);
    }

    boolean running() {
        return listener != null;
    }

    int port() {
        return port;
    }

    void throttle(boolean on) {
        handler.throttle(on);
    }

    boolean throttled() {
        return handler.throttled();
    }

    /** The system ids of the sessions currently bound. */
    List<String> boundSystemIds() {
        return sessions.boundSystemIds();
    }

    private void acceptLoop(SMPPServerSessionListener server, ExecutorService own) {
        while (!own.isShutdown()) {
            try {
                SMPPServerSession session = server.accept();
                own.execute(() -> sessions.bind(session));
            } catch (IOException e) {
                if (listener == server) {
                    LOG.warn("accept failed: {}", e.toString());
                }
                return;
            }
        }
    }

    /** Delivers a mobile-originated message to the most recently bound receiver; false when none is bound. */
    boolean injectMo(String from, String text) {
        SMPPServerSession target = sessions.receiver(null, null);
        return target != null && sender.mo(target, from, text);
    }

    static String mask(String phone) {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
