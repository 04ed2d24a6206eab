package cn.hotline.intake.service;

import java.time.Instant;
import java.util.List;

import cn.hotline.intake.domain.Channel;
import cn.hotline.intake.domain.Kind;
import cn.hotline.intake.domain.Urgency;
import cn.hotline.intake.mapping.CreateTicketRequest;

/** A validated new ticket from any channel (REST, 110, Open311), before numbering and placing. */
public record TicketDraft(Channel channel, Kind kind, Urgency urgency, String categoryCode, String content,
        String callerName, String callerPhone, String callerIdNumber, Double lat, Double lon, String address,
        List<CreateTicketRequest.Attachment> attachments, Instant occurredAt, String proxyAgent, String externalRef,
        String operatorId, List<String> extraFlags) {

    public static TicketDraft of(CreateTicketRequest r, String operatorId) {
        var caller = r.caller();
        var location = r.location();
        return new TicketDraft(r.channel(), r.kind(), r.urgency() == null ? Urgency.NORMAL : r.urgency(),
                r.categoryCode(), r.content().strip(),
                caller == null ? null : caller.name(), caller == null ? null : blankToNull(caller.phone()),
                caller == null ? null : upper(blankToNull(caller.idNumber())),
                location == null ? null : location.lat(), location == null ? null : location.lon(),
                location == null ? null : blankToNull(location.address()), r.attachments(), r.occurredAt(),
                blankToNull(r.proxyAgent()), null, operatorId, List.of());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase();
    }
}
