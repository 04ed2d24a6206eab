package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.intake.mapping.DuplicateSuggestion;
import cn.hotline.intake.mapping.TicketPreview;
import cn.hotline.intake.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The operator's look ahead before submitting: the same validation and placing as a create, the duplicate
 * candidates and the repeat-complainant count, all read-only (no key, no counter, no event).
 */
@ApplicationScoped
public class TicketPreviewService {

    private final TicketValidator validator;
    private final TerritoryResolver territories;
    private final DuplicateFinder duplicates;
    private final TicketRepository tickets;
    private final IntakeConfig config;
    private final Clock clock;
    private final TicketFiling filing;

    public TicketPreviewService(TicketValidator validator, TerritoryResolver territories, DuplicateFinder duplicates,
            TicketRepository tickets, IntakeConfig config, Clock clock, TicketFiling filing) {
        this.validator = validator;
        this.territories = territories;
        this.duplicates = duplicates;
        this.tickets = tickets;
        this.config = config;
        this.clock = clock;
        this.filing = filing;
    }

    public Uni<TicketPreview> preview(TicketDraft draft) {
        Instant now = clock.instant();
        validator.check(draft, now);
        TerritoryResult territory = territories.resolve(draft.lat(), draft.lon(), draft.address());
        Ticket probe = filing.ticket(UUID.randomUUID(), draft, territory, now);
        return Panache.withSession(() -> duplicates.candidates(probe, now)
                .flatMap(candidates -> earlierTickets(probe, now).map(earlier -> {
                    List<DuplicateSuggestion> suggestions = duplicates.suggestions(probe, candidates);
                    if (!suggestions.isEmpty()) {
                        probe.addFlag(TicketFlag.POSSIBLE_DUPLICATE);
                    }
                    boolean repeat = earlier + 1 >= config.repeat().threshold()
                            || duplicates.closedMatterRaisedAgain(probe, candidates);
                    if (repeat) {
                        probe.addFlag(TicketFlag.REPEAT_COMPLAINANT);
                    }
                    return new TicketPreview(territory, probe.flagList(), suggestions, earlier, config.repeat().threshold());
                })));
    }

    private Uni<Long> earlierTickets(Ticket probe, Instant now) {
        if (probe.callerPhoneHmac == null && probe.callerIdHmac == null) {
            return Uni.createFrom().item(0L);
        }
        Instant since = now.minus(Duration.ofDays(config.repeat().windowDays()));
        return probe.callerPhoneHmac != null
                ? tickets.count("callerPhoneHmac = ?1 and receivedAt >= ?2", probe.callerPhoneHmac, since)
                : tickets.count("callerIdHmac = ?1 and receivedAt >= ?2", probe.callerIdHmac, since);
    }
}
