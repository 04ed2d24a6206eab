package cn.hotline.routing.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;

/** Builds the {@code dispatch.*} payload from a dispatch and an action, and appends it to the outbox. */
@ApplicationScoped
public class DispatchEvents {

    private final OutboxWriter outbox;

    public DispatchEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Details of one action that go into its event. */
    public record Detail(String actor, String actingUnitCode, Instant at, String reasonCode, String note,
            Double lat, Double lon) {
    }

    /** Appends {@code type} for {@code dispatch}; must run inside the caller's transaction. */
    public Uni<Void> emit(String type, Dispatch d, Detail detail) {
        DispatchEvent payload = new DispatchEvent(DispatchEvent.SCHEMA_VERSION, d.id.toString(), d.ticketId,
                d.ticketNumber, d.state().name(), d.queue.name(),
                d.leadUnitCode == null ? null : new UnitRef(d.leadUnitCode, d.leadUnitName),
                d.assisting.stream().map(a -> new UnitRef(a.unitCode(), a.unitName())).toList(),
                detail.actingUnitCode(), d.handlerId, d.escalationLevel, d.urgency, d.kind, d.channel, d.categoryCode,
                new TerritoryRef(d.countyCode, d.townCode, d.villageCode, d.resolvedBy), d.address, detail.actor(),
                detail.at(), detail.reasonCode(), detail.note(),
                d.previousDispatchId == null ? null : d.previousDispatchId.toString(), d.extensionDuration,
                d.extensionApproved, d.caseLeaderId, detail.lat() != null ? detail.lat() : d.lat,
                detail.lon() != null ? detail.lon() : d.lon);
        return outbox.append(type, d.ticketId, payload).replaceWithVoid();
    }
}
