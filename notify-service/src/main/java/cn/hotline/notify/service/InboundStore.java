package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.InboundSms;
import cn.hotline.notify.domain.InboundStatus;
import cn.hotline.notify.gateway.InboundListener;
import cn.hotline.notify.repository.InboundSmsRepository;
import cn.hotline.notify.repository.SmsReceiptRepository;
import cn.hotline.notify.repository.SmsReceiptRepository.Receipt;
import cn.hotline.support.security.Masking;

/** Stores what the SMSC delivers (receipts, MO texts) before it is acknowledged; the worker processes it. */
@ApplicationScoped
public class InboundStore implements InboundListener {

    private static final Logger LOG = Logger.getLogger(InboundStore.class);

    private final InboundSmsRepository inbound;
    private final SmsReceiptRepository receipts;
    private final Tx tx;
    private final Clock clock;
    private final GroupCommit<Receipt> receiptWrites;

    public InboundStore(InboundSmsRepository inbound, SmsReceiptRepository receipts, Tx tx, Clock clock, NotifyConfig config) {
        this.inbound = inbound;
        this.receipts = receipts;
        this.tx = tx;
        this.clock = clock;
        this.receiptWrites = new GroupCommit<>(config.claimBatch(), this::storeAll, one -> storeAll(List.of(one)));
    }

    /** Receipts arriving together on the SMPP sessions' threads are stored with one statement; each call returns once its own is. */
    @Override
    public void onReceipt(String messageId, String state, Instant doneAt) {
        receiptWrites.submit(new Receipt(messageId, state, doneAt));
    }

    private void storeAll(List<Receipt> batch) {
        Instant now = clock.instant();
        tx.once(conn -> receipts.storeAll(conn, batch, now));
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
