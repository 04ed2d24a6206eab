package cn.hotline.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
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

    private final IdempotentConsumer idempotent;
    private final EventTriggers triggers;

    public NotifyEventConsumer(IdempotentConsumer idempotent, EventTriggers triggers) {
        this.idempotent = idempotent;
        this.triggers = triggers;
    }

    @Incoming("dispatches")
    public Uni<Void> dispatches(ConsumerRecord<String, byte[]> record) {
        return idempotent.handle("notify-dispatches", record,
                event -> triggers.onDispatch(event.type(), EventCodec.decode(event, DispatchEvent.class), event));
    }

    @Incoming("sla")
    public Uni<Void> sla(ConsumerRecord<String, byte[]> record) {
        return idempotent.handle("notify-sla", record,
                event -> triggers.onSla(event.type(), EventCodec.decode(event, SlaEvent.class)));
    }

    @Incoming("alerts")
    public Uni<Void> alerts(ConsumerRecord<String, byte[]> record) {
        return idempotent.handle("notify-alerts", record, this::alert);
    }

    private Uni<Void> alert(CloudEvent event) {
        return switch (event.type()) {
            case "alert.repeat-complainant" -> triggers.onRepeatComplainant(EventCodec.decode(event, RepeatComplainantAlert.class));
            case "alert.hotword-surge" -> triggers.onHotwordSurge(EventCodec.decode(event, HotwordSurgeAlert.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
