package cn.hotline.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.DuplicateCandidate;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.mapping.DuplicateSuggestion;
import cn.hotline.intake.repository.TicketRepository;
import io.smallrye.mutiny.Uni;

/** Recent tickets of the same caller, or of the same place and category, offered as duplicates (重复件) on create. */
@ApplicationScoped
public class DuplicateFinder {

    public static final String SAME_CALLER = "SAME_CALLER";
    public static final String SAME_PLACE = "SAME_PLACE_AND_CATEGORY";
    /** About 100 m in latitude. */
    private static final double NEAR = 0.001;

    private final TicketRepository tickets;
    private final IntakeConfig config;

    public DuplicateFinder(TicketRepository tickets, IntakeConfig config) {
        this.tickets = tickets;
        this.config = config;
    }

    /** Candidates for {@code ticket} (built by {@link TicketFiling#ticket}, with its keys; not stored); newest first. */
    public Uni<List<DuplicateCandidate>> candidates(Ticket ticket, Instant now) {
        return tickets.duplicateCandidates(now.minus(config.duplicates().window()), ticket.callerPhoneHmac, ticket.callerIdHmac,
                ticket.categoryCode, ticket.villageCode, ticket.address, ticket.lat, ticket.lon, NEAR,
                config.duplicates().maxSuggestions());
    }

    public List<DuplicateSuggestion> suggestions(Ticket ticket, List<DuplicateCandidate> candidates) {
        return candidates.stream().map(c -> new DuplicateSuggestion(c.id(), c.number(), c.status().name(),
                sameCaller(ticket, c) ? SAME_CALLER : SAME_PLACE, c.receivedAt())).toList();
    }

    /** The same caller: the same phone or ID number, compared by their keys (as they were found). */
    public boolean sameCaller(Ticket ticket, DuplicateCandidate candidate) {
        return (ticket.callerPhoneHmac != null && ticket.callerPhoneHmac.equals(candidate.callerPhoneHmac()))
                || (ticket.callerIdHmac != null && ticket.callerIdHmac.equals(candidate.callerIdHmac()));
    }

    /** A closed matter of the same caller and category raised again. */
    public boolean closedMatterRaisedAgain(Ticket ticket, List<DuplicateCandidate> candidates) {
        return candidates.stream().anyMatch(c -> c.status() == TicketStatus.CLOSED && sameCaller(ticket, c)
                && ticket.categoryCode != null && Objects.equals(ticket.categoryCode, c.categoryCode()));
    }

}
