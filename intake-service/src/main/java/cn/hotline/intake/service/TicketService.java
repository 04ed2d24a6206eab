package cn.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.intake.mapping.DuplicateSuggestion;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.repository.IdempotencyKeys;
import cn.hotline.intake.repository.TicketNumbers;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Creates tickets exactly once per Idempotency-Key: the key, the ticket, its events and the response commit
 * together; a retry (concurrent or later) gets the stored response, a different body under the key a 422.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);

    /** The stored response of a create: the ticket id and the exact JSON body. */
    public record Created(UUID id, String json) {
    }

    private final TicketRepository tickets;
    private final TicketNumbers numbers;
    private final IdempotencyKeys keys;
    private final TerritoryResolver territories;
    private final DuplicateFinder duplicates;
    private final RepeatComplainants repeats;
    private final HotwordSurges hotwords;
    private final TicketEvents events;
    private final TicketMapper mapper;
    private final TicketValidator validator;
    private final cn.hotline.intake.repository.TicketTrail trail;
    private final Clock clock;
    private final IntakeConfig config;

    public TicketService(TicketRepository tickets, TicketNumbers numbers, IdempotencyKeys keys, TerritoryResolver territories,
            DuplicateFinder duplicates, RepeatComplainants repeats, HotwordSurges hotwords, TicketEvents events,
            TicketMapper mapper, TicketValidator validator, cn.hotline.intake.repository.TicketTrail trail, Clock clock,
            IntakeConfig config) {
        this.trail = trail;
        this.tickets = tickets;
        this.numbers = numbers;
        this.keys = keys;
        this.territories = territories;
        this.duplicates = duplicates;
        this.repeats = repeats;
        this.hotwords = hotwords;
        this.events = events;
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
        this.config = config;
    }

    /** Validates, places and creates; {@code requestHash} identifies the request body under {@code key}. */
    public Uni<Created> create(String key, String requestHash, TicketDraft draft) {
        Instant now = clock.instant();
        validator.check(draft, now);
        TerritoryResult territory = territories.resolve(draft.lat(), draft.lon(), draft.address());
        UUID id = UUID.nameUUIDFromBytes(("ticket:" + key).getBytes(StandardCharsets.UTF_8));
        return Uni.combine().all()
                .unis(repeats.record(id, draft.callerPhone(), draft.callerIdNumber(), now),
                        hotwords.record(id, territory.countyCode(), territory.townCode(), draft.categoryCode(), draft.content(), now))
                .asTuple()
                .flatMap(counts -> Panache.withTransaction(() -> keys.claim(key, requestHash).flatMap(owned -> owned
                        ? insert(key, id, draft, territory, counts.getItem1(), counts.getItem2(), now)
                        : replay(key, requestHash))));
    }

    private Uni<Created> replay(String key, String requestHash) {
        return keys.stored(key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was already used with a different request");
            }
            return new Created(stored.ticketId(), stored.response());
        });
    }

    private Uni<Created> insert(String key, UUID id, TicketDraft draft, TerritoryResult territory,
            RepeatComplainants.Count repeat, List<HotwordSurgeAlert> surges, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneId.of(config.zone()));
        Ticket ticket = draft.toTicket(id, territory, mapper.attachmentsJson(draft.attachments()), now);
        return duplicates.candidates(ticket, now).flatMap(candidates -> {
            List<DuplicateSuggestion> suggestions = duplicates.suggestions(ticket, candidates);
            String repeatReason = repeats.isRepeat(repeat) ? "COUNT_IN_WINDOW"
                    : DuplicateFinder.closedMatterRaisedAgain(ticket, candidates) ? "CLOSED_MATTER_RAISED_AGAIN" : null;
            if (!suggestions.isEmpty()) {
                ticket.addFlag(TicketFlag.POSSIBLE_DUPLICATE);
            }
            if (repeatReason != null) {
                ticket.addFlag(TicketFlag.REPEAT_COMPLAINANT);
            }
            return numbers.next(day).flatMap(sequence -> {
                ticket.number = number(day, sequence);
                String json = mapper.write(mapper.toView(ticket, false, suggestions));
                return tickets.persist(ticket)
                        .flatMap(saved -> events.created(ticket))
                        .flatMap(ignored -> repeatReason == null ? Uni.createFrom().voidItem()
                                : events.alert(EventTypes.ALERT_REPEAT_COMPLAINANT, ticket.id, repeats.alert(ticket, repeatReason, repeat, candidates, now)))
                        .flatMap(ignored -> events.surges(surges))
                        .flatMap(ignored -> ticket.externalRef == null ? Uni.createFrom().item(0)
                                : trail.append(ticket.id, "TRANSFERRED_IN", ticket.operatorId, ticket.externalRef, ticket.channel.name(), now))
                        .flatMap(ignored -> keys.complete(key, id, json))
                        .invoke(() -> LOG.debugf("ticket %s (%s) accepted via %s", ticket.number, ticket.id, ticket.channel))
                        .replaceWith(new Created(id, json));
            });
        });
    }

    private String number(LocalDate day, long sequence) {
        return config.numberPrefix() + day.toString().replace("-", "") + String.format("%06d", sequence);
    }
}
