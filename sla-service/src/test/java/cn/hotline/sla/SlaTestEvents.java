package cn.hotline.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.testsupport.EventProbe;

/** Builds and publishes the dispatch.* and ticket.* events other services would send. */
final class SlaTestEvents {

    static final String COUNTY = "330523";
    static final String TOWN = "330523108";

    private final String bootstrap;

    SlaTestEvents(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** A dispatch event of {@code type} for the lead unit {@code unit}. */
    static DispatchEvent dispatch(String ticketId, String dispatchId, String unit, String urgency, String kind,
            Instant at, String previousDispatchId, String extension, Boolean approved) {
        return dispatch(ticketId, dispatchId, unit, urgency, kind, "0202", at, previousDispatchId, extension, approved);
    }

    static DispatchEvent dispatch(String ticketId, String dispatchId, String unit, String urgency, String kind,
            String category, Instant at, String previousDispatchId, String extension, Boolean approved) {
        return new DispatchEvent(DispatchEvent.SCHEMA_VERSION, dispatchId, ticketId, "HZ-" + ticketId.substring(0, 8),
                "ASSIGNED", "AUTO", new UnitRef(unit, "单位" + unit), List.of(), unit, "handler-" + unit, 0, urgency, kind,
                "PHONE", category, new TerritoryRef(COUNTY, TOWN, null, "POLYGON"), "安吉县", "test", at, null, null,
                previousDispatchId, extension, approved, null, null, null);
    }

    void publish(String type, String ticketId, Object payload) {
        EventProbe.publish(bootstrap, new CloudEvent(UUID.randomUUID().toString(), "/hotline/test", type, ticketId,
                Instant.now(), EventCodec.encode(payload)));
    }

    void dispatch(String type, String ticketId, String dispatchId, String unit, String urgency, String kind, Instant at) {
        publish(type, ticketId, dispatch(ticketId, dispatchId, unit, urgency, kind, at, null, null, null));
    }

    void created(String ticketId, String urgency, String kind, String channel, List<String> flags, Instant at) {
        publish("ticket.created", ticketId, new TicketCreated(TicketCreated.SCHEMA_VERSION, ticketId,
                "HZ-" + ticketId.substring(0, 8), channel, kind, urgency, "0202", "噪声扰民", "楼上噪声",
                new TerritoryRef(COUNTY, TOWN, null, "POLYGON"), null, null, "安吉县", flags, "138****5678", at, at));
    }

    void closed(String ticketId, String resolution, String satisfaction, int reopenCount, Instant at) {
        publish("ticket.closed", ticketId, new TicketClosed(TicketClosed.SCHEMA_VERSION, ticketId, "HZ-" + ticketId,
                "NORMAL", "HELP", new TerritoryRef(COUNTY, TOWN, null, "POLYGON"), resolution, satisfaction, "FOLLOW_UP",
                reopenCount, at));
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
