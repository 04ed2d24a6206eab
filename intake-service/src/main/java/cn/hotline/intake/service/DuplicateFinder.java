package cn.hotline.intake.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.mapping.DuplicateSuggestion;
import cn.hotline.intake.repository.TicketRepository;
import io.quarkus.panache.common.Sort;
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
    private final CallerKeys callerKeys;

    public DuplicateFinder(TicketRepository tickets, IntakeConfig config, CallerKeys callerKeys) {
        this.tickets = tickets;
        this.config = config;
        this.callerKeys = callerKeys;
    }

    /** Candidates for {@code ticket} (not yet persisted); newest first. */
    public Uni<List<Ticket>> candidates(Ticket ticket, Instant now) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (ticket.callerPhone != null) {
            any.add("callerPhoneHmac = :phone");
            params.put("phone", callerKeys.phone(ticket.callerPhone));
        }
        if (ticket.callerIdNumber != null) {
            any.add("callerIdHmac = :idNumber");
            params.put("idNumber", callerKeys.idNumber(ticket.callerIdNumber));
        }
        if (ticket.categoryCode != null) {
            List<String> place = new ArrayList<>();
            if (ticket.villageCode != null) {
                place.add("villageCode = :village");
                params.put("village", ticket.villageCode);
            }
            if (ticket.address != null && !ticket.address.isBlank()) {
                place.add("address = :address");
                params.put("address", ticket.address);
            }
            if (ticket.lat != null && ticket.lon != null) {
                place.add("(lat between :latLow and :latHigh and lon between :lonLow and :lonHigh)");
                params.put("latLow", ticket.lat - NEAR);
                params.put("latHigh", ticket.lat + NEAR);
                params.put("lonLow", ticket.lon - NEAR);
                params.put("lonHigh", ticket.lon + NEAR);
            }
            if (!place.isEmpty()) {
                any.add("(categoryCode = :category and (" + String.join(" or ", place) + "))");
                params.put("category", ticket.categoryCode);
            }
        }
        if (any.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        params.put("since", now.minus(config.duplicates().window()));
        params.put("merged", TicketStatus.MERGED);
        String query = "receivedAt >= :since and status <> :merged and (" + String.join(" or ", any) + ")";
        return tickets.find(query, Sort.descending("receivedAt"), params).range(0, config.duplicates().maxSuggestions() - 1).list();
    }

    public List<DuplicateSuggestion> suggestions(Ticket ticket, List<Ticket> candidates) {
        return candidates.stream().map(c -> new DuplicateSuggestion(c.id, c.number, c.status().name(),
                sameCaller(ticket, c) ? SAME_CALLER : SAME_PLACE, c.receivedAt)).toList();
    }

    public static boolean sameCaller(Ticket a, Ticket b) {
        return (a.callerPhone != null && a.callerPhone.equals(b.callerPhone))
                || (a.callerIdNumber != null && a.callerIdNumber.equals(b.callerIdNumber));
    }

    /** A closed matter of the same caller and category raised again. */
    public static boolean closedMatterRaisedAgain(Ticket ticket, List<Ticket> candidates) {
        return candidates.stream().anyMatch(c -> c.status() == TicketStatus.CLOSED && sameCaller(ticket, c)
                && ticket.categoryCode != null && Objects.equals(ticket.categoryCode, c.categoryCode));
    }
}
