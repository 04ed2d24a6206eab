package cn.hotline.notify.gateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
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
import org.jsmpp.session.SMPPSession;

import cn.hotline.notify.config.SmppConfig;
import cn.hotline.notify.domain.SmsText;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Puts a message on a bound SMPP session: splits long texts into UDH-concatenated parts sent in order, bounds the
 * submit_sm in flight with a window (callers on several threads, see SendLanes, pipeline up to that many on the one
 * session) and backs off on ESME_RTHROTTLED.
 */
@ApplicationScoped
public class SmppSubmitter {

    private final SmppConfig config;
    private final Semaphore window;
    private final AtomicInteger reference = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    public SmppSubmitter(SmppConfig config, MeterRegistry registry) {
        this.config = config;
        this.window = new Semaphore(config.window(), true);
        Gauge.builder("hotline.notify.smpp.in-flight", inFlight, AtomicInteger::get)
                .description("submit_sm sent and waiting for their submit_sm_resp").register(registry);
    }

    /** How many submit_sm wait for their response right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Submits every part of {@code text} to {@code destination} on {@code current}; the SMSC's message id per part. */
    List<String> submit(SMPPSession current, String source, String destination, SmsText text) {
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
}
