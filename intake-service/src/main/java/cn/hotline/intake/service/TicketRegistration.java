package cn.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
 * Creates tickets exactly once per Idempotency-Key (a windowed key: once per window): the key, the ticket, its events
 * and the response commit together; a retry (concurrent or later) gets the stored response, a different body under the
 * key a 422.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);

    /** The stored response of a create: the ticket id and the exact JSON body. */
    public record Created(UUID id, String json) {
    }

    /** The answer stored for a windowed key: no citizen data. */
    public record Reference(UUID id, String number) {
    }

    /** A key to claim; {@code expiresAt} null: it holds until purged. */
    private record Claim(String key, String requestHash, Instant expiresAt) {
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
        UUID id = UUID.nameUUIDFromBytes(("ticket:" + key).getBytes(StandardCharsets.UTF_8));
        return place(new Claim(key, requestHash, null), id, draft, now);
    }

    /**
     * As {@link #create}, but {@code key} holds for {@code window} only: within it a retry gets the first ticket
     * (the counters untouched), after it the same key files a new ticket. Only the ticket id and number are stored
     * as the answer, not the ticket's view.
     */
    public Uni<Created> createWithin(String key, String requestHash, Duration window, TicketDraft draft) {
        Instant now = clock.instant();
        validator.check(draft, now);
        // Concurrent first attempts agree on the id (the counters see one ticket); consecutive windows never share one.
        long slot = now.toEpochMilli() / window.toMillis();
        UUID id = UUID.nameUUIDFromBytes(("ticket:" + key + "@" + window + "@" + slot).getBytes(StandardCharsets.UTF_8));
        return Panache.withSession(() -> keys.live(key, now)).flatMap(live -> live != null
                ? Uni.createFrom().item(() -> replayed(key, requestHash, live))
                : place(new Claim(key, requestHash, now.plus(window)), id, draft, now));
    }

    private Uni<Created> place(Claim claim, UUID id, TicketDraft draft, Instant now) {
        TerritoryResult territory = territories.resolve(draft.lat(), draft.lon(), draft.address());
        return Uni.combine().all()
                .unis(repeats.record(id, draft.callerPhone(), draft.callerIdNumber(), now),
                        hotwords.record(id, territory.countyCode(), territory.townCode(), draft.categoryCode(), draft.content(), now))
                .asTuple()
                .flatMap(counts -> Panache.withTransaction(() -> claim(claim, now).flatMap(owned -> owned
                        ? insert(claim, id, draft, territory, counts.getItem1(), counts.getItem2(), now)
                        : keys.stored(claim.key()).map(stored -> replayed(claim.key(), claim.requestHash(), stored)))));
    }

    private Uni<Boolean> claim(Claim claim, Instant now) {
        return claim.expiresAt() == null ? keys.claim(claim.key(), claim.requestHash())
                : keys.claimUntil(claim.key(), claim.requestHash(), now, claim.expiresAt());
    }

    private static Created replayed(String key, String requestHash, IdempotencyKeys.Stored stored) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was already used with a different request");
        }
        return new Created(stored.ticketId(), stored.response());
    }

    private Uni<Created> insert(Claim claim, UUID id, TicketDraft draft, TerritoryResult territory,
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
                String json = mapper.write(claim.expiresAt() == null ? mapper.toView(ticket, false, suggestions)
                        : new Reference(id, ticket.number));
                return tickets.persist(ticket)
                        .flatMap(saved -> events.created(ticket))
                        .flatMap(ignored -> repeatReason == null ? Uni.createFrom().voidItem()
                                : events.alert(EventTypes.ALERT_REPEAT_COMPLAINANT, ticket.id, repeats.alert(ticket, repeatReason, repeat, candidates, now)))
                        .flatMap(ignored -> events.surges(surges))
                        .flatMap(ignored -> ticket.externalRef == null ? Uni.createFrom().item(0)
                                : trail.append(ticket.id, "TRANSFERRED_IN", ticket.operatorId, ticket.externalRef, ticket.channel.name(), now))
                        .flatMap(ignored -> keys.complete(claim.key(), id, json))
                        .invoke(() -> LOG.debugf("ticket %s (%s) accepted via %s", ticket.number, ticket.id, ticket.channel))
                        .replaceWith(new Created(id, json));
            });
        });
    }

    private String number(LocalDate day, long sequence) {
        return config.numberPrefix() + day.toString().replace("-", "") + String.format("%06d", sequence);
    }
}
