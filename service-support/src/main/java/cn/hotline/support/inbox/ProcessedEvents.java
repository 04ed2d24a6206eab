package cn.hotline.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The processed-event table: records that a consumer applied an event, in the consumer's own transaction. */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * Claims {@code event} for {@code consumer}; true the first time, false for a replay. Must run inside the
     * transaction that applies the event: a concurrent duplicate waits on the key and then sees false.
     */
    public Uni<Boolean> claim(CloudEvent event, String consumer) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into processed_event (event_id, consumer, event_type) values (:id, :consumer, :type)"
                                + " on conflict do nothing")
                .setParameter("id", event.id())
                .setParameter("consumer", consumer)
                .setParameter("type", event.type())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
