package cn.hotline.support.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;


import cn.hotline.events.CloudEvent;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The processed-event table: records that a consumer applied an event, in the consumer's own transaction. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = "insert into processed_event (event_id, consumer, event_type) values ($1, $2, $3)"
            + " on conflict do nothing";
    // One statement text for every batch size, so PostgreSQL reuses the prepared statement.
    private static final String CLAIM_ALL = "insert into processed_event (event_id, consumer, event_type)"
            + " select id, $2, type from unnest($1::varchar[], $3::varchar[]) as e(id, type)"
            + " on conflict do nothing returning event_id";

    /**
     * Claims {@code event} for {@code consumer}; true the first time, false for a replay. Must run inside the
     * transaction that applies the event: a concurrent duplicate waits on the key and then sees false.
     */
    public Uni<Boolean> claim(CloudEvent event, String consumer) {
        return Panache.getSession().flatMap(session -> SessionSql.write(session, CLAIM, event.id(), consumer, event.type()))
                .map(inserted -> inserted == 1);
    }

    /**
     * Claims every event of a batch for {@code consumer} in one statement and answers the ids claimed now (the
     * others were applied before). Same transaction rule as {@link #claim}.
     */
    public Uni<Set<String>> claimAll(List<CloudEvent> events, String consumer) {
        String[] ids = new String[events.size()];
        String[] types = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = events.get(i).id();
            types[i] = events.get(i).type();
        }
        return Panache.getSession().flatMap(session -> SessionSql.select(session, CLAIM_ALL, ids, consumer, types))
                .map(rows -> {
                    Set<String> claimed = new HashSet<>();
                    rows.forEach(row -> claimed.add((String) row[0]));
                    return claimed;
                });
    }
}
