package cn.hotline.sla.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.TicketFact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** KPI and policy-selection facts per ticket. */
@ApplicationScoped
public class TicketFactRepository implements PanacheRepositoryBase<TicketFact, String> {

    /** Marks the tickets as breached in one statement on {@code conn} (the firing transaction of the Vert.x pool). */
    public Uni<Void> markBreached(SqlConnection conn, List<String> ticketIds) {
        return conn.preparedQuery("update kpi_ticket set breached = true where ticket_id = any($1)")
                .execute(Tuple.of(ticketIds.toArray(new String[0]))).replaceWithVoid();
    }
}
