package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.intake.domain.HandoverStatus;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.PoliceHandoverPayload;
import cn.hotline.intake.mapping.PoliceHandoverView;
import cn.hotline.intake.repository.PoliceHandoverRepository;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Opens a hand-over to 110 inside the transfer-out's transaction; lists hand-overs and restarts a failed one. */
@ApplicationScoped
public class PoliceHandoverService {

    /** The transfer-out target the 110 system receives. */
    public static final String TARGET_110 = "110";

    /** How far back a desk kept to a territory looks for its own among the newest hand-overs of the city. */
    private static final int SCOPED_SCAN = 2_000;

    private final PoliceHandoverRepository handovers;
    private final TicketRepository tickets;
    private final TicketTrailRepository trail;
    private final CategoryService categories;
    private final PoliceHandoverWorker worker;
    private final ObjectMapper json;
    private final Clock clock;

    public PoliceHandoverService(PoliceHandoverRepository handovers, TicketRepository tickets, TicketTrailRepository trail,
            CategoryService categories, PoliceHandoverWorker worker, ObjectMapper json, Clock clock) {
        this.handovers = handovers;
        this.tickets = tickets;
        this.trail = trail;
        this.categories = categories;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the hand-over of {@code ticket} (due at once). Must run inside the transfer-out's transaction. */
    public Uni<UUID> open(Ticket ticket, String reason, String actor, Instant at) {
        UUID id = UUID.randomUUID();
        PoliceHandoverPayload payload = new PoliceHandoverPayload(PoliceHandoverPayload.SCHEMA_VERSION, id.toString(),
                PoliceHandoverPayload.SOURCE, ticket.id.toString(), ticket.number, ticket.channel.name(), ticket.kind.name(),
                ticket.urgency.name(), ticket.categoryCode, categories.get(ticket.categoryCode).map(c -> c.name()).orElse(null),
                ticket.content,
                new PoliceHandoverPayload.Location(ticket.lat, ticket.lon, ticket.address, ticket.countyCode, ticket.townCode,
                        ticket.villageCode),
                new PoliceHandoverPayload.Caller(ticket.callerName, ticket.callerPhone, ticket.callerIdMasked),
                reason, actor, at, ticket.occurredAt, ticket.receivedAt);
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hand-over of " + ticket.number + " not serialisable", e);
        }
        return handovers.open(id, ticket.id, ticket.number, body, at).replaceWith(id);
    }

    /** Tells the worker a hand-over was committed (call after the transaction). */
    public void committed() {
        worker.wake();
    }

    /** The newest hand-overs; a desk kept to a territory sees only those of its tickets. */
    public Uni<List<PoliceHandoverView>> list(HandoverStatus status, UUID ticketId, int limit, Territory territory) {
        if (territory.cityWide()) {
            return Panache.withSession(() -> handovers.list(status, ticketId, limit));
        }
        return Panache.withSession(() -> handovers.list(status, ticketId, Math.max(limit, SCOPED_SCAN))
                .flatMap(found -> covered(found.stream().map(PoliceHandoverView::ticketId).toList(), territory)
                        .map(ours -> found.stream().filter(h -> ours.contains(h.ticketId())).limit(limit).toList())));
    }

    /** FAILED → PENDING: another round of attempts, at once; the trail records who asked. Outside the territory: 404. */
    public Uni<PoliceHandoverView> retry(UUID id, String actor, Territory territory) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> handovers.find(id).flatMap(found -> visible(found, territory)).flatMap(found -> {
            if (found == null) {
                throw ProblemException.notFound("hand-over " + id);
            }
            if (!HandoverStatus.valueOf(found.status()).canMoveTo(HandoverStatus.PENDING)) {
                throw conflict(found);
            }
            return handovers.retry(id, now).flatMap(settled -> {
                if (settled == null) {
                    throw conflict(found);
                }
                return trail.append(settled.ticketId(), "HANDOVER_RETRIED", actor, id.toString(),
                        "attempts restarted after " + found.attempts() + " failed", now);
            });
        }).flatMap(ignored -> handovers.find(id))).invoke(worker::wake);
    }

    /** {@code found} when its ticket lies in {@code territory}, else null (as if there were none). */
    private Uni<PoliceHandoverView> visible(PoliceHandoverView found, Territory territory) {
        if (found == null || territory.cityWide()) {
            return Uni.createFrom().item(found);
        }
        return covered(List.of(found.ticketId()), territory).map(ours -> ours.contains(found.ticketId()) ? found : null);
    }

    /** Which of {@code ticketIds} lie in {@code territory}. */
    private Uni<Set<UUID>> covered(List<UUID> ticketIds, Territory territory) {
        if (territory.cityWide() || ticketIds.isEmpty()) {
            return Uni.createFrom().item(territory.cityWide() ? Set.copyOf(ticketIds) : Set.of());
        }
        return tickets.list("id in ?1", ticketIds).map(found -> found.stream()
                .filter(t -> territory.covers(t.countyCode, t.townCode)).map(t -> t.id).collect(Collectors.toSet()));
    }

    private static ProblemException conflict(PoliceHandoverView found) {
        return ProblemException.conflict("hand-over " + found.id() + " of " + found.ticketNumber() + " is " + found.status()
                + "; only a FAILED one can be retried", Map.of("status", found.status()));
    }
}
