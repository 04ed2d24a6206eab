package cn.hotline.intake.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Tickets in PostgreSQL. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    // One statement: the status moves (only from a status the table allows) and the move goes on the trail.
    private static final String MOVE = "with moved as (update ticket set status = $2, updated_at = $3, awaiting_since = null,"
            + " version = version + 1 where id = $1 and status = any($4) returning id)"
            + " insert into ticket_trail (ticket_id, action, actor, reference, detail, at)"
            + " select id, $5::varchar, $6::varchar, $7::varchar, $8::text, $9::timestamptz from moved returning ticket_id";

    /**
     * Moves ticket {@code id} to {@code next} (at {@code now}) if its status is one of {@code from}, without loading
     * it, and appends {@code action} (which happened {@code at}) to its trail; false when it is unknown or in another
     * status (nothing changed). For moves that announce nothing (an announcing move needs the ticket:
     * {@link Ticket#moveTo}).
     */
    public Uni<Boolean> moveAndRecord(UUID id, TicketStatus next, Set<TicketStatus> from, Instant now, String action,
            String actor, String reference, String detail, Instant at) {
        String[] sources = from.stream().map(Enum::name).toArray(String[]::new);
        return Panache.getSession().flatMap(session -> SessionSql.select(session, MOVE, id, next.name(), utc(now), sources,
                        action, actor, reference, detail, utc(at)))
                .map(rows -> !rows.isEmpty());
    }

    public Uni<Ticket> findByNumber(String number) {
        return find("number", number).firstResult();
    }
}
