package cn.hotline.notify.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import cn.hotline.notify.config.SmppConfig;
import cn.hotline.notify.domain.SmsText;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The SMPP 3.4 link (jSMPP client): binds as a transceiver, keeps it alive with enquire_link, rebinds with
 * exponential backoff whenever it drops, bounds the submit_sm in flight with a window (callers on several
 * threads, see SendLanes, pipeline up to that many on the one session), backs off on ESME_RTHROTTLED, and splits
 * long texts into UDH-concatenated parts sent in order.
 */
@ApplicationScoped
public class SmppLink {

    private static final Logger LOG = Logger.getLogger(SmppLink.class);

    private final SmppConfig config;
    private final SmppReceiver receiver;
    private final Semaphore window;
    private final AtomicInteger reference = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smpp-link");
        t.setDaemon(true);
        return t;
    });
    private volatile SMPPSession session;
    private volatile Duration backoff;
    private volatile boolean closing;
    private volatile String lastError = "not connected yet";

    public SmppLink(SmppConfig config, SmppReceiver receiver, MeterRegistry registry) {
        this.config = config;
        this.receiver = receiver;
        this.window = new Semaphore(config.window(), true);
        this.backoff = config.reconnectInitialBackoff();
        Gauge.builder("hotline.notify.smpp.in-flight", inFlight, AtomicInteger::get)
                .description("submit_sm sent and waiting for their submit_sm_resp").register(registry);
    }

    /** How many submit_sm wait for their response right now. */
    public int inFlight() {
        return inFlight.get();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            reconnector.execute(this::connect);
        }
    }

    public boolean bound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    public String state() {
        SMPPSession current = session;
        return current == null ? "DOWN" : current.getSessionState().name();
    }

    public String lastError() {
        return lastError;
    }

    private void connect() {
        if (closing || bound()) {
            return;
        }
        SMPPSession candidate = new SMPPSession();
        try {
            candidate.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
            candidate.setTransactionTimer(config.responseTimeout().toMillis());
            candidate.setMessageReceiverListener(receiver);
            candidate.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX,
                    config.systemId(), config.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.responseTimeout().toMillis());
            candidate.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED && session == candidate) {
                    session = null;
                    lastError = "link closed";
                    LOG.warnf("SMPP link to %s:%d closed; rebinding", config.host(), config.port());
                    schedule(config.reconnectInitialBackoff());
                }
            });
            session = candidate;
            backoff = config.reconnectInitialBackoff();
            lastError = null;
            LOG.infof("SMPP link bound (transceiver) to %s:%d as %s", config.host(), config.port(), config.systemId());
        } catch (IOException e) {
            candidate.close();
            lastError = e.getMessage();
            Duration wait = backoff;
            backoff = min(backoff.multipliedBy(2), config.reconnectMaxBackoff());
            LOG.infof("SMPP bind to %s:%d failed (%s); next try in %s", config.host(), config.port(), e.getMessage(), wait);
            schedule(wait);
        }
    }

    private void schedule(Duration wait) {
        if (!closing && !reconnector.isShutdown()) {
            reconnector.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Submits every part of {@code text} to {@code destination}; returns the SMSC's message id per part. */
    public List<String> submit(String source, String destination, SmsText text) {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isBound()) {
            throw new GatewayException("SMPP link not bound", true);
        }
        List<String> parts = text.parts();
        boolean concatenated = parts.size() > 1;
        int ref = reference.incrementAndGet() & 0xff;
        DataCoding coding = DataCodings.newInstance(text.ucs2() ? (byte) 0x08 : (byte) 0x00);
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                concatenated ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = Udh.body(parts.get(i), text.ucs2(), concatenated, ref, parts.size(), i + 1);
            ids.add(submitOne(current, source, destination, esm, coding, body));
        }
        return ids;
    }

    private String submitOne(SMPPSession current, String source, String destination, ESMClass esm, DataCoding coding,
            byte[] body) {
        acquireWindow();
        inFlight.incrementAndGet();
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1, null,
                            null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0,
                            body).getMessageId();
                } catch (NegativeResponseException e) {
                    if (e.getCommandStatus() == SMPPConstant.STAT_ESME_RTHROTTLED && attempt < config.throttleRetries()) {
                        // The SMSC asks us to slow down: wait longer each time instead of hammering it.
                        LockSupport.parkNanos(config.throttleBackoff().multipliedBy(attempt + 1L).toNanos());
                        continue;
                    }
                    throw new GatewayException("SMSC rejected submit_sm with status 0x"
                            + Integer.toHexString(e.getCommandStatus()), false);
                } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
                    throw new GatewayException("submit_sm failed: " + e.getMessage(), e);
                }
            }
        } finally {
            inFlight.decrementAndGet();
            window.release();
        }
    }

    private void acquireWindow() {
        try {
            if (!window.tryAcquire(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new GatewayException("SMPP window full", true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted waiting for the SMPP window", true);
        }
    }

    @PreDestroy
    void close() {
        closing = true;
        reconnector.shutdownNow();
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }
}
