package cn.hotline.intake.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Channel;
import cn.hotline.events.Kind;
import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.events.Urgency;
import cn.hotline.intake.mapping.PoliceTransferRequest;
import io.smallrye.mutiny.Uni;

/** 110 → 12345: a transferred matter becomes a ticket once per incident number (the number is the idempotency key). */
@ApplicationScoped
public class PoliceTransferService {

    private final TicketRegistration tickets;

    public PoliceTransferService(TicketRegistration tickets) {
        this.tickets = tickets;
    }

    public Uni<TicketRegistration.Created> receive(PoliceTransferRequest r, String requestHash, String actor) {
        var caller = r.caller();
        var location = r.location();
        TicketDraft draft = new TicketDraft(Channel.POLICE_110, r.kind() == null ? Kind.HELP : r.kind(),
                r.urgency() == null ? Urgency.URGENT : r.urgency(), r.categoryCode(), r.content().strip(),
                caller == null ? null : caller.name(), caller == null ? null : TicketDraft.blankToNull(caller.phone()),
                caller == null ? null : TicketDraft.blankToNull(caller.idNumber()),
                location == null ? null : location.lat(), location == null ? null : location.lon(),
                location == null ? null : TicketDraft.blankToNull(location.address()), List.of(), r.occurredAt(),
                TicketDraft.blankToNull(r.policeOfficer()), r.incidentNumber(), actor, List.of(TicketFlag.POLICE_LINKED), false);
        return tickets.create("110:" + r.incidentNumber(), requestHash, draft);
    }
}
