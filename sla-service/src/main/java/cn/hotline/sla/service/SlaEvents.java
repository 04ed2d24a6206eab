package cn.hotline.sla.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.sla.domain.Firing;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Builds the {@code sla.*} events of a timer, each under its deterministic id {@code sla:<timer>:<stage>:<point>},
 * and appends them to the outbox: a met stage in the caller's Panache transaction, fired points in the firing's.
 */
@ApplicationScoped
public class SlaEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    public SlaEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public static String eventId(TimerEntity timer, String point) {
        return "sla:" + timer.id + ":" + timer.stage.name() + ":" + point;
    }

    /** The event of a point fired at {@code now}: a warning (threshold), the breach (100) or a reminder (sequence). */
    public static SlaEvent fired(TimerEntity timer, Integer threshold, Integer sequence, Instant due, Instant now,
            boolean late) {
        Instant deadline = timer.deadline;
        return new SlaEvent(SlaEvent.SCHEMA_VERSION, timer.id, timer.ticketId, timer.ticketNumber, timer.dispatchId,
                timer.policyCode, timer.stage.name(), timer.urgency, timer.unitCode, timer.handlerId, threshold,
                sequence, deadline, due, now,
                deadline.isAfter(due) ? Duration.between(due, deadline).toString() : Duration.ZERO.toString(),
                null, deadline.isBefore(due) ? Duration.between(deadline, due).toString() : null, late);
    }

    /** Appends {@code sla.stage-met} for a timer met at {@code at} (its {@code onTime} already decided). */
    public Uni<Void> stageMet(TimerEntity timer, Instant at) {
        SlaEvent event = new SlaEvent(SlaEvent.SCHEMA_VERSION, timer.id, timer.ticketId, timer.ticketNumber,
                timer.dispatchId, timer.policyCode, timer.stage.name(), timer.urgency, timer.unitCode, timer.handlerId,
                null, null, timer.deadline, timer.deadline, clock.instant(),
                timer.onTime ? Duration.between(at, timer.deadline).toString() : Duration.ZERO.toString(),
                timer.onTime, timer.onTime ? null : Duration.between(timer.deadline, at).toString(), false);
        return outbox.append(eventId(timer, "MET"), EventTypes.SLA_STAGE_MET, timer.ticketId, event).replaceWithVoid();
    }

    /** Appends the events of freshly recorded firings in one statement on the firing transaction's {@code conn}. */
    public Uni<Void> fired(SqlConnection conn, List<Firing> fresh) {
        return outbox.appendAll(conn, fresh.stream()
                .map(f -> new OutboxWriter.Entry(f.eventId(), f.type(), f.ticketId(), f.event())).toList());
    }
}
