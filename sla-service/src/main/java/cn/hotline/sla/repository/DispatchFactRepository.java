package cn.hotline.sla.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.DispatchFact;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** KPI facts per dispatch. */
@ApplicationScoped
public class DispatchFactRepository implements PanacheRepositoryBase<DispatchFact, String> {

    // What dispatch.assigned says replaces what the row had of it; what later progress recorded stays.
    private static final String ASSIGNED = "insert into kpi_dispatch as k (dispatch_id, ticket_id, unit_code, county_code,"
            + " town_code, urgency, assigned_at, sign_deadline, arrive_deadline) values ($1::varchar, $2::varchar,"
            + " $3::varchar, $4::varchar, $5::varchar, $6::varchar, $7::timestamptz, $8::timestamptz, $9::timestamptz)"
            + " on conflict (dispatch_id) do update set ticket_id = excluded.ticket_id, unit_code = excluded.unit_code,"
            + " county_code = excluded.county_code, town_code = excluded.town_code, urgency = excluded.urgency,"
            + " assigned_at = excluded.assigned_at, sign_deadline = excluded.sign_deadline,"
            + " arrive_deadline = excluded.arrive_deadline returning dispatch_id";

    /** Records a dispatch's assignment with one statement, in the session's transaction. */
    public Uni<Void> assigned(String dispatchId, String ticketId, String unitCode, String countyCode, String townCode,
            String urgency, Instant assignedAt, Instant signDeadline, Instant arriveDeadline) {
        return Panache.getSession().flatMap(session -> SessionSql.select(session, ASSIGNED, dispatchId, ticketId, unitCode,
                countyCode, townCode, urgency, utc(assignedAt), utc(signDeadline), utc(arriveDeadline))).replaceWithVoid();
    }
}
