package cn.hotline.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;
import cn.hotline.intake.domain.Channel;
import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.intake.mapping.CreateTicketRequest;
import cn.hotline.intake.mapping.TicketMapper;

/** A validated new ticket from any channel (REST, 110, Open311), before numbering and placing. */
public record TicketDraft(Channel channel, Kind kind, Urgency urgency, String categoryCode, String content,
        String callerName, String callerPhone, String callerIdNumber, Double lat, Double lon, String address,
        List<CreateTicketRequest.Attachment> attachments, Instant occurredAt, String proxyAgent, String externalRef,
        String operatorId, List<String> extraFlags, boolean smsOptOut) {

    public static TicketDraft of(CreateTicketRequest r, String operatorId) {
        var caller = r.caller();
        var location = r.location();
        return new TicketDraft(r.channel(), r.kind(), r.urgency() == null ? Urgency.NORMAL : r.urgency(),
                r.categoryCode(), r.content().strip(),
                caller == null ? null : caller.name(), caller == null ? null : blankToNull(caller.phone()),
                caller == null ? null : upper(blankToNull(caller.idNumber())),
                location == null ? null : location.lat(), location == null ? null : location.lon(),
                location == null ? null : blankToNull(location.address()), r.attachments(), r.occurredAt(),
                blankToNull(r.proxyAgent()), null, operatorId, List.of(), caller != null && Boolean.TRUE.equals(caller.smsOptOut()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase();
    }

    /** The new ACCEPTED ticket (number still to be given); caller numbers kept in full and masked. */
    public Ticket toTicket(UUID id, TerritoryResult territory, String attachmentsJson, Instant now) {
        Ticket t = new Ticket();
        t.attachments = attachmentsJson;
        t.id = id;
        t.channel = this.channel();
        t.kind = this.kind();
        t.urgency = this.urgency();
        t.categoryCode = this.categoryCode();
        t.content = this.content();
        t.callerName = this.callerName();
        t.callerPhone = this.callerPhone();
        t.callerPhoneMasked = TicketMapper.maskPhone(this.callerPhone());
        t.callerIdNumber = this.callerIdNumber();
        t.smsOptOut = this.smsOptOut();
        t.callerIdMasked = TicketMapper.maskId(this.callerIdNumber());
        t.lat = this.lat();
        t.lon = this.lon();
        t.address = this.address();
        t.countyCode = territory.countyCode();
        t.townCode = territory.townCode();
        t.villageCode = territory.villageCode();
        t.resolvedBy = territory.resolvedBy();
        if (!territory.resolved()) {
            t.addFlag(TicketFlag.TERRITORY_UNRESOLVED);
        }
        extraFlags().forEach(t::addFlag);
        t.externalRef = this.externalRef();
        t.operatorId = this.operatorId();
        t.proxyAgent = this.proxyAgent();
        t.occurredAt = this.occurredAt() == null ? now : this.occurredAt();
        t.accept(now);
        return t;
    }
}
