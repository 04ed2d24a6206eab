package cn.hotline.intake.repository;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The per-day counter behind ticket numbers, used like a sequence: one autocommitted statement on its own
 * connection, so no lock is held while the ticket's transaction runs (the POST path stays fast). Numbers are
 * unique and increasing; a ticket transaction that rolls back after taking one leaves a gap, as a sequence would.
 */
@ApplicationScoped
public class TicketNumbers {

    private static final String NEXT = "insert into ticket_number_counter as c (day, last_value) values ($1, 1)"
            + " on conflict (day) do update set last_value = c.last_value + 1 returning last_value";

    private final Pool pool;

    public TicketNumbers(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> next(LocalDate day) {
        Context context = Vertx.currentContext();
        Uni<Long> next = pool.preparedQuery(NEXT).execute(Tuple.of(day)).map(rows -> rows.iterator().next().getLong(0));
        // Back to the caller's context, where its reactive session lives.
        return context == null ? next : next.emitOn(runnable -> context.runOnContext(ignored -> runnable.run()));
    }
}
