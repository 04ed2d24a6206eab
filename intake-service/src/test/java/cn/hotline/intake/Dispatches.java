package cn.hotline.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.testsupport.EventProbe;

/** Publishes dispatch.* events as routing-service would, to drive intake's status in tests. */
final class Dispatches {

    private Dispatches() {
    }

    static void publish(String bootstrap, String type, String ticketId, String dispatchId, String leadUnit, List<String> assisting,
            String previousDispatchId) {
        DispatchEvent payload = new DispatchEvent(DispatchEvent.SCHEMA_VERSION, dispatchId, ticketId, null, "ASSIGNED", "AUTO",
                new UnitRef(leadUnit, "主办单位"), assisting.stream().map(u -> new UnitRef(u, "协办单位")).toList(), leadUnit,
                null, 0, "NORMAL", "COMPLAINT", "PHONE", "0202", null, null, "dispatcher-1", Instant.now(), null, null,
                previousDispatchId, null, null, null, null, null);
        EventProbe.publish(bootstrap, new CloudEvent(UUID.randomUUID().toString(), "/hotline/routing-service", type, ticketId,
                Instant.now(), EventCodec.encode(payload)));
    }

    static void publish(String bootstrap, String type, String ticketId, String dispatchId, String leadUnit) {
        publish(bootstrap, type, ticketId, dispatchId, leadUnit, List.of(), null);
    }
}
