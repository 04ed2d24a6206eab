package cn.hotline.intake.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.mapping.TicketPage;
import cn.hotline.intake.mapping.TicketStatusView;
import cn.hotline.intake.mapping.TicketView;
import cn.hotline.intake.repository.PiiReadRepository;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import cn.hotline.intake.repository.TicketUnitRepository;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Reads tickets with the reader's privacy: masked PII for most, a handler only their unit's tickets. */
@ApplicationScoped
public class TicketQueryService {

    private final TicketRepository tickets;
    private final TicketUnitRepository units;
    private final TicketMapper mapper;
    private final CategoryService categories;
    private final TicketTrailRepository trail;
    private final CallerKeys callerKeys;
    private final PiiReadLog piiReads;
    private final PiiReadRepository piiReadRows;

    public TicketQueryService(TicketRepository tickets, TicketUnitRepository units, TicketMapper mapper, CategoryService categories,
            TicketTrailRepository trail, CallerKeys callerKeys, PiiReadLog piiReads, PiiReadRepository piiReadRows) {
        this.tickets = tickets;
        this.units = units;
        this.mapper = mapper;
        this.categories = categories;
        this.trail = trail;
        this.callerKeys = callerKeys;
        this.piiReads = piiReads;
        this.piiReadRows = piiReadRows;
    }

    public Uni<TicketView> get(UUID id, ReaderScope reader) {
        return Panache.withTransaction(() -> readable(id, reader)
                        .call(ticket -> piiReads.record(List.of(ticket), reader, "GET /api/v1/tickets/{id}")))
                .map(ticket -> mapper.toView(ticket, reader.fullPii(), List.of()));
    }

    /** Who was shown the ticket's full phone or ID number, newest first (for whoever may read the ticket). */
    public Uni<List<PiiReadRepository.Entry>> piiReads(UUID id, ReaderScope reader) {
        return Panache.withSession(() -> readable(id, reader).flatMap(ticket -> piiReadRows.list(ticket.id)));
    }

    /** The trail of a ticket the reader may see. */
    public Uni<List<TicketTrailRepository.Entry>> trail(UUID id, ReaderScope reader) {
        return Panache.withSession(() -> readable(id, reader).flatMap(ticket -> trail.list(ticket.id)));
    }

    /** The ticket if it exists and the reader may see it (a handler their unit's, a desk its territory's), in the caller's session. */
    private Uni<Ticket> readable(UUID id, ReaderScope reader) {
        return tickets.findById(id).flatMap(ticket -> {
            if (ticket == null) {
                throw ProblemException.notFound("ticket " + id);
            }
            if (!reader.territory().covers(ticket.countyCode, ticket.townCode)) {
                // Another territory's ticket is answered as a missing one.
                throw ProblemException.notFound("ticket " + id);
            }
            return reader.unitRestricted() ? visible(ticket, reader) : Uni.createFrom().item(ticket);
        });
    }

    private Uni<Ticket> visible(Ticket ticket, ReaderScope reader) {
        if (reader.unitCode() == null) {
            throw ProblemException.forbidden("a handler token needs a unit claim");
        }
        return units.visibleTo(ticket.id, reader.unitCode()).map(visible -> {
            if (!visible) {
                // Not dispatched to the reader's unit: do not reveal that the ticket exists.
                throw ProblemException.notFound("ticket " + ticket.id);
            }
            return ticket;
        });
    }

    public Uni<TicketPage> list(TicketQuery q, ReaderScope reader) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (reader.unitRestricted()) {
            if (reader.unitCode() == null) {
                throw ProblemException.forbidden("a handler token needs a unit claim");
            }
            where.add("id in (select u.ticketId from TicketUnit u where u.unitCode = :unit)");
            params.put("unit", reader.unitCode());
        }
        if (!reader.territory().cityWide()) {
            where.add((reader.territory().code().length() == 6 ? "countyCode" : "townCode") + " = :readerTerritory");
            params.put("readerTerritory", reader.territory().code());
        }
        add(where, params, "status", q.status(), "status = :status");
        add(where, params, "channel", q.channel(), "channel = :channel");
        add(where, params, "category", q.categoryCode(), "categoryCode = :category");
        // The caller history: phones are sealed at rest, so the search goes by the HMAC of the normalised number.
        add(where, params, "phone", q.callerPhone() == null ? null : callerKeys.phone(q.callerPhone()), "callerPhoneHmac = :phone");
        add(where, params, "from", q.from(), "receivedAt >= :from");
        add(where, params, "to", q.to(), "receivedAt < :to");
        add(where, params, "after", q.after(), "number < :after");
        if (q.territory() != null) {
            String field = switch (q.territory().length()) {
                case 6 -> "countyCode";
                case 9 -> "townCode";
                default -> "villageCode";
            };
            where.add(field + " = :territory");
            params.put("territory", q.territory());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return Panache.withTransaction(() -> tickets.find(query, Sort.descending("number"), params).range(0, q.limit()).list()
                        .call(found -> piiReads.record(page(found, q.limit()), reader, "GET /api/v1/tickets")))
                .map(found -> {
                    boolean more = found.size() > q.limit();
                    List<Ticket> page = page(found, q.limit());
                    List<TicketView> views = page.stream().map(t -> mapper.toView(t, reader.fullPii(), List.of())).toList();
                    return new TicketPage(views, more ? page.get(page.size() - 1).number : null);
                });
    }

    public Uni<TicketStatusView> byNumber(String number) {
        return Panache.withSession(() -> tickets.findByNumber(number).flatMap(t -> {
            if (t == null) {
                throw ProblemException.notFound("ticket " + number);
            }
            return statusView(t);
        }));
    }

    /** The progress of {@code t} (inside a session): no personal data; a merged ticket shows its master's status. */
    public Uni<TicketStatusView> statusView(Ticket t) {
        Uni<Ticket> master = t.masterTicketId == null ? Uni.createFrom().nullItem() : tickets.findById(t.masterTicketId);
        return master.map(m -> new TicketStatusView(t.number, t.status().name(), t.kind.name(),
                categories.get(t.categoryCode).map(c -> c.name()).orElse(null), t.countyCode, t.townCode,
                t.receivedAt, t.updatedAt, t.closedAt, m == null ? null : m.number, m == null ? null : m.status().name()));
    }

    private static List<Ticket> page(List<Ticket> found, int limit) {
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private static void add(List<String> where, Map<String, Object> params, String name, Object value, String clause) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }
}
