package cn.hotline.police;

import java.time.Instant;
import java.util.Map;

/**
 * One hand-over as 110 holds it: the acknowledgement it answered, when it first arrived, how many times it was
 * delivered (a redelivery is counted, never listed again) and the body as first received.
 */
public record ReceivedHandover(String acknowledgementId, String handoverId, Instant receivedAt, int deliveries,
        Instant lastDeliveryAt, Map<String, Object> handover) {

    ReceivedHandover redelivered(Instant at) {
        return new ReceivedHandover(acknowledgementId, handoverId, receivedAt, deliveries + 1, at, handover);
    }
}
