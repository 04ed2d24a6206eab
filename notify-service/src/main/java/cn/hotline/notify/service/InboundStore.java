package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.notify.domain.InboundSms;
import cn.hotline.notify.domain.InboundStatus;
import cn.hotline.notify.gateway.InboundListener;
import cn.hotline.notify.repository.InboundSmsRepository;
import cn.hotline.support.security.Masking;
import io.quarkus.hibernate.reactive.panache.Panache;

/** Stores what the SMSC delivers (receipts, MO texts) before it is acknowledged; the worker processes it. */
@ApplicationScoped
public class InboundStore implements InboundListener {

    private static final Logger LOG = Logger.getLogger(InboundStore.class);

    private final InboundSmsRepository inbound;
    private final Tx tx;
    private final Clock clock;

    public InboundStore(InboundSmsRepository inbound, Tx tx, Clock clock) {
        this.inbound = inbound;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void onReceipt(String messageId, String state, Instant doneAt) {
        tx.run(() -> Panache.getSession().flatMap(s -> s.createNativeQuery("insert into sms_receipt (message_id, state,"
                        + " done_at, received_at, applied) values (:id, :state, :done, :received, false)"
                        + " on conflict (message_id) do nothing")
                .setParameter("id", messageId).setParameter("state", state).setParameter("done", doneAt)
                .setParameter("received", clock.instant()).executeUpdate()));
    }

    @Override
    public void onMobileOriginated(String fromPhone, String text) {
        InboundSms sms = new InboundSms();
        sms.id = UUID.randomUUID();
        sms.fromPhone = fromPhone;
        sms.text = text.length() > 480 ? text.substring(0, 480) : text;
        sms.receivedAt = clock.instant();
        sms.status = InboundStatus.RECEIVED;
        tx.run(() -> inbound.persist(sms));
        LOG.infof("MO SMS from %s stored", Masking.phone(fromPhone));
    }
}
