package cn.hotline.support.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

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

    /**
     * Claims every event of a batch for {@code consumer} in one statement and answers the ids claimed now (the
     * others were applied before). Same transaction rule as {@link #claim}.
     */
    public Uni<Set<String>> claimAll(List<CloudEvent> events, String consumer) {
        StringBuilder sql = new StringBuilder("insert into processed_event (event_id, consumer, event_type) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :consumer, :type").append(i).append(')');
        }
        sql.append(" on conflict do nothing returning event_id");
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<String> query = session.createNativeQuery(sql.toString(), String.class);
            query.setParameter("consumer", consumer);
            for (int i = 0; i < events.size(); i++) {
                query.setParameter("id" + i, events.get(i).id()).setParameter("type" + i, events.get(i).type());
            }
            return query.getResultList();
        }).map(HashSet::new);
    }
}
