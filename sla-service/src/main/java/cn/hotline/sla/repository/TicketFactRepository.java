package cn.hotline.sla.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.TicketFact;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** KPI and policy-selection facts per ticket. */
@ApplicationScoped
public class TicketFactRepository implements PanacheRepositoryBase<TicketFact, String> {

    // A dispatch event may have created the row first (events of one ticket travel on two topics); what ticket.created
    // says wins, except an absent county or town.
    private static final String CREATED = "insert into kpi_ticket as k (ticket_id, ticket_number, urgency, kind, channel,"
            + " category_code, flags, created_at, county_code, town_code) values ($1::varchar, $2::varchar, $3::varchar,"
            + " $4::varchar, $5::varchar, $6::varchar, $7::varchar, $8::timestamptz, $9::varchar, $10::varchar)"
            + " on conflict (ticket_id) do update set ticket_number = excluded.ticket_number, urgency = excluded.urgency,"
            + " kind = excluded.kind, channel = excluded.channel, category_code = excluded.category_code,"
            + " flags = excluded.flags, created_at = excluded.created_at,"
            + " county_code = coalesce(excluded.county_code, k.county_code),"
            + " town_code = coalesce(excluded.town_code, k.town_code) returning ticket_id";

    /** Records what {@code ticket.created} says of a ticket with one statement, in the session's transaction. */
    public Uni<Void> created(String ticketId, String number, String urgency, String kind, String channel,
            String categoryCode, String flags, Instant createdAt, String countyCode, String townCode) {
        return Panache.getSession().flatMap(session -> SessionSql.select(session, CREATED, ticketId, number, urgency, kind,
                channel, categoryCode, flags, createdAt == null ? null : createdAt.atOffset(ZoneOffset.UTC), countyCode,
                townCode)).replaceWithVoid();
    }

    /** Marks the tickets as breached in one statement on {@code conn} (the firing transaction of the Vert.x pool). */
    public Uni<Void> markBreached(SqlConnection conn, List<String> ticketIds) {
        return conn.preparedQuery("update kpi_ticket set breached = true where ticket_id = any($1)")
                .execute(Tuple.of(ticketIds.toArray(new String[0]))).replaceWithVoid();
    }
}
