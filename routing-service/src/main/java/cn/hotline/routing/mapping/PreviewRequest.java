package cn.hotline.routing.mapping;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;

/** The ticket shape of the contract (plus optional explicit territory codes and decision time). */
public record PreviewRequest(
        String ticketId,
        String channel,
        Kind kind,
        Urgency urgency,
        @Size(max = 8) String categoryCode,
        @Size(max = 4000) String content,
        @Valid Location location,
        Territory territory,
        OffsetDateTime at) {

    /** lat/lon and/or an address. */
    public record Location(@DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon, @Size(max = 500) String address) {
    }

    /** Territory codes already known (e.g. chosen by the operator). */
    public record Territory(String countyCode, String townCode, String villageCode) {
    }
}
