package cn.hotline.testsupport;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.NotificationEvent;
import cn.hotline.support.inbox.IdempotentConsumer;
import cn.hotline.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;

/**
 * Present only in tests: a real idempotent consumer on the real broker whose effect is itself an outbox
 * write, so one test proves outbox → relay → Kafka → consumer → outbox for whichever service it runs in.
 * It answers each {@code notification.sent} for a {@code probe-} ticket with one {@code notification.delivered}.
 */
@ApplicationScoped
public class FoundationProbeConsumer {

    public static final String CONSUMER = "foundation-probe";
    public static final String TICKET_PREFIX = "probe-";

    private final IdempotentConsumer idempotent;
    private final OutboxWriter outbox;
    private final Clock clock;

    public FoundationProbeConsumer(IdempotentConsumer idempotent, OutboxWriter outbox, Clock clock) {
        this.idempotent = idempotent;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch(CONSUMER, records, Set.of(EventTypes.NOTIFICATION_SENT), event -> {
            if (event.subject() == null || !event.subject().startsWith(TICKET_PREFIX)) {
                return Uni.createFrom().voidItem();
            }
            NotificationEvent sent = EventCodec.decode(event, NotificationEvent.class);
            NotificationEvent delivered = new NotificationEvent(NotificationEvent.SCHEMA_VERSION, sent.notificationId(),
                    sent.ticketId(), sent.dedupKey(), sent.recipientId(), sent.recipientPhoneMasked(),
                    sent.templateCode(), sent.level(), sent.gateway(), sent.messageId(), sent.segments(), "DELIVERED",
                    null, clock.instant());
            return outbox.append(EventTypes.NOTIFICATION_DELIVERED, sent.ticketId(), delivered).replaceWithVoid();
        });
    }
}
