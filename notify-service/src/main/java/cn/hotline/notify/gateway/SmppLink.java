package cn.hotline.notify.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import cn.hotline.notify.config.SmppConfig;
import cn.hotline.notify.domain.SmsText;
import io.quarkus.runtime.StartupEvent;

/**
 * The SMPP 3.4 link (jSMPP client): binds as a transceiver, keeps it alive with enquire_link and rebinds with
 * exponential backoff whenever it drops; {@link SmppSubmitter} puts messages on the bound session.
 */
@ApplicationScoped
public class SmppLink {

    private static final Logger LOG = Logger.getLogger(SmppLink.class);

    private final SmppConfig config;
    private final SmppReceiver receiver;
    private final SmppSubmitter submitter;
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smpp-link");
        t.setDaemon(true);
        return t;
    });
    private volatile SMPPSession session;
    private volatile Duration backoff;
    private volatile boolean closing;
    private volatile String lastError = "not connected yet";

    public SmppLink(SmppConfig config, SmppReceiver receiver, SmppSubmitter submitter) {
        this.config = config;
        this.receiver = receiver;
        this.submitter = submitter;
        this.backoff = config.reconnectInitialBackoff();
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
        return submitter.submit(current, source, destination, text);
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
