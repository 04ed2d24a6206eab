package cn.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.repository.IdempotencyKeyRepository;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Registers tickets exactly once per Idempotency-Key (a windowed key: once per window): the key, the ticket, its events
 * and the response commit together; a retry (concurrent or later) gets the stored response, a different body under the
 * key a 422.
 */
@ApplicationScoped
public class TicketRegistration {

    private static final Logger LOG = Logger.getLogger(TicketRegistration.class);

    /** The stored response of a create: the ticket id and the exact JSON body. */
    public record Created(UUID id, String json) {
    }

    /** The answer stored for a windowed key: no citizen data. */
    public record Reference(UUID id, String number) {
    }

    /** A key to claim; {@code expiresAt} null: it holds until purged. */
    private record Claim(String key, String requestHash, Instant expiresAt) {
    }

    private final TicketValidator validator;
    private final TerritoryResolver territories;
    private final TicketScreening screening;
    private final TicketFiling filing;
    private final IdempotencyKeyRepository keys;
    private final TicketMapper mapper;
    private final Clock clock;

    public TicketRegistration(TicketValidator validator, TerritoryResolver territories, TicketScreening screening,
            TicketFiling filing, IdempotencyKeyRepository keys, TicketMapper mapper, Clock clock) {
        this.validator = validator;
        this.territories = territories;
        this.screening = screening;
        this.filing = filing;
        this.keys = keys;
        this.mapper = mapper;
        this.clock = clock;
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
        Ticket ticket = filing.ticket(id, draft, territory, now);
        // Duplicates are read before the transaction, on its session and connection: a suggestion takes no lock, and
        // the transaction holds only the writes.
        return screening.count(id, draft, territory, now)
                .flatMap(signals -> Panache.withSession(() -> screening.screen(ticket, signals, now)
                        .flatMap(verdict -> Panache.withTransaction(() -> claim(claim, now).flatMap(owned -> owned
                                ? filing.file(ticket, verdict, now, filed -> complete(claim, filed))
                                : keys.stored(claim.key()).map(stored -> replayed(claim.key(), claim.requestHash(), stored)))))));
    }

    private Uni<Boolean> claim(Claim claim, Instant now) {
        return claim.expiresAt() == null ? keys.claim(claim.key(), claim.requestHash())
                : keys.claimUntil(claim.key(), claim.requestHash(), now, claim.expiresAt());
    }

    /** Stores the answer under the key, with the filing's statements. */
    private Uni<Created> complete(Claim claim, TicketFiling.Filed filed) {
        var ticket = filed.ticket();
        String json = mapper.write(claim.expiresAt() == null ? mapper.toView(ticket, false, filed.verdict().suggestions())
                : new Reference(ticket.id, ticket.number));
        return keys.complete(claim.key(), ticket.id, json)
                .invoke(() -> LOG.debugf("ticket %s (%s) accepted via %s", ticket.number, ticket.id, ticket.channel))
                .replaceWith(new Created(ticket.id, json));
    }

    private static Created replayed(String key, String requestHash, IdempotencyKeyRepository.Stored stored) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was already used with a different request");
        }
        return new Created(stored.ticketId(), stored.response());
    }
}
