package cn.hotline.notify.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.events.payload.RepeatComplainantAlert;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.notify.service.EventTriggers;
import cn.hotline.support.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Consumes dispatch.*, sla.* and alert.* through the idempotent consumer and hands them to {@link EventTriggers}. */
@ApplicationScoped
public class NotifyEventConsumer {

    private static final Set<String> DISPATCH_TYPES = EventTypes.withPrefix("dispatch.");
    private static final Set<String> SLA_TYPES = EventTypes.withPrefix("sla.");
    private static final Set<String> ALERT_TYPES = Set.of(EventTypes.ALERT_REPEAT_COMPLAINANT, EventTypes.ALERT_HOTWORD_SURGE);

    private final IdempotentConsumer idempotent;
    private final EventTriggers triggers;

    public NotifyEventConsumer(IdempotentConsumer idempotent, EventTriggers triggers) {
        this.idempotent = idempotent;
        this.triggers = triggers;
    }

    @Incoming("dispatches")
    public Uni<Void> dispatches(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch("notify-dispatches", records, DISPATCH_TYPES,
                event -> triggers.onDispatch(event.type(), EventCodec.decode(event, DispatchEvent.class), event));
    }

    @Incoming("sla")
    public Uni<Void> sla(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch("notify-sla", records, SLA_TYPES,
                event -> triggers.onSla(event.type(), EventCodec.decode(event, SlaEvent.class)));
    }

    @Incoming("alerts")
    public Uni<Void> alerts(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch("notify-alerts", records, ALERT_TYPES, this::alert);
    }

    private Uni<Void> alert(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.ALERT_REPEAT_COMPLAINANT -> triggers.onRepeatComplainant(EventCodec.decode(event, RepeatComplainantAlert.class));
            case EventTypes.ALERT_HOTWORD_SURGE -> triggers.onHotwordSurge(EventCodec.decode(event, HotwordSurgeAlert.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
