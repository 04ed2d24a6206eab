package cn.hotline.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;

/** Builds the dispatch.* and sla.* events routing and sla-service would publish. */
public final class TestEvents {

    private TestEvents() {
    }

    /** The facts of one test dispatch. */
    public record Ticket(String ticketId, String number, String dispatchId, String unitCode, String handlerId,
            String urgency, String countyCode, String address) {

        public static Ticket fresh(String unitCode, String handlerId, String urgency, String address) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            return new Ticket("t-" + suffix, "HZ20261123" + suffix.substring(0, 6), "d-" + suffix, unitCode, handlerId,
                    urgency, "330523", address);
        }
    }

    public static CloudEvent dispatch(String type, Ticket t, Instant at, String caseLeaderId) {
        DispatchEvent payload = new DispatchEvent(DispatchEvent.SCHEMA_VERSION, t.dispatchId(), t.ticketId(), t.number(),
                type.equals("dispatch.signed") ? "SIGNED" : "ASSIGNED", "AUTO", new UnitRef(t.unitCode(), "安吉县综合行政执法局"),
                List.of(), t.unitCode(), t.handlerId(), 0, t.urgency(), "COMPLAINT", "PHONE", "0202", 
                new TerritoryRef(t.countyCode(), null, null, "POLYGON"), t.address(), "system", at, null, null, null,
                null, null, caseLeaderId, 30.6, 119.68);
        return new CloudEvent(UUID.randomUUID().toString(), "/hotline/routing-service", type, t.ticketId(), at,
                EventCodec.encode(payload));
    }

    public static CloudEvent sla(String type, Ticket t, String policy, String stage, Integer threshold, Instant firedAt) {
        SlaEvent payload = new SlaEvent(SlaEvent.SCHEMA_VERSION, "timer-" + t.dispatchId() + "-" + stage, t.ticketId(),
                t.number(), t.dispatchId(), policy, stage, t.urgency(), t.unitCode(), t.handlerId(), threshold, null,
                firedAt.plusSeconds(30), firedAt, firedAt, "PT30S", null, null, false);
        String id = "sla:timer-" + t.dispatchId() + "-" + stage + ":" + stage + ":" + (threshold == null ? "R1" : threshold);
        return new CloudEvent(id, "/hotline/sla-service", type, t.ticketId(), firedAt, EventCodec.encode(payload));
    }
}
