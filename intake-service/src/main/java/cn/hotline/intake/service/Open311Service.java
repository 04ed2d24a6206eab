package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;
import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.Channel;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.mapping.CreateTicketRequest;
import cn.hotline.intake.mapping.Open311Submission;
import cn.hotline.intake.mapping.Open311Views;
import cn.hotline.intake.mapping.TextMasking;
import cn.hotline.intake.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Open311 GeoReport v2 over the ticket model: services are catalogue categories, requests are tickets (id = number).
 * The public list holds Open311-filed tickets only; a ticket of another channel is found by its number, without
 * its description or place (those were told to the hotline, not published).
 */
@ApplicationScoped
public class Open311Service {

    private static final int MAX_REQUESTS = 1000;

    private final CategoryService categories;
    private final TicketRegistration tickets;
    private final TicketRepository repository;
    private final IntakeConfig config;
    private final DateTimeFormatter w3c;
    private final Clock clock;
    private final CallerKeys keys;

    public Open311Service(CategoryService categories, TicketRegistration tickets, TicketRepository repository, IntakeConfig config,
            Clock clock, CallerKeys keys) {
        this.clock = clock;
        this.keys = keys;
        this.categories = categories;
        this.tickets = tickets;
        this.repository = repository;
        this.config = config;
        this.w3c = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(config.zone()));
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean validKey(String apiKey) {
        return apiKey != null && config.open311().apiKeys().contains(apiKey);
    }

    public List<Open311Views.Service> services() {
        return categories.list().stream().filter(c -> c.parentCode() != null)
                .map(c -> new Open311Views.Service(c.code(), c.name(), c.name(), false, "realtime", c.name(),
                        categories.get(c.parentCode()).map(p -> p.name()).orElse(null)))
                .toList();
    }

    public boolean serviceExists(String code) {
        return categories.get(code).filter(c -> c.parentCode() != null).isPresent();
    }

    /**
     * Files a request as an OPEN311 ticket and returns its number; the same content under the same api_key again
     * within the idempotency window answers the first ticket's number. The key is a keyed hash of the content, so
     * the idempotency store holds no citizen data.
     */
    public Uni<String> create(Open311Submission submission) {
        List<CreateTicketRequest.Attachment> media = blank(submission.mediaUrl()) ? List.of()
                : List.of(new CreateTicketRequest.Attachment("media", null, null, submission.mediaUrl().strip()));
        String lastName = strip(submission.lastName());
        String firstName = strip(submission.firstName());
        String name = lastName == null && firstName == null ? null
                : (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
        TicketDraft draft = new TicketDraft(Channel.OPEN311, Kind.HELP, Urgency.NORMAL, submission.serviceCode(),
                submission.description().strip(), name, strip(submission.phone()), null, submission.lat(), submission.lon(),
                strip(submission.address()), media, null, null, null, "open311", List.of(), false);
        String key = keys.of("open311", submission.canonical());
        return tickets.createWithin(key, key, config.open311().idempotencyWindow(), draft)
                .flatMap(created -> Panache.withSession(() -> repository.findById(created.id())))
                .map(ticket -> ticket.number);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }

    public Uni<List<Open311Views.Request>> find(List<String> ids, String serviceCode, Instant start, Instant end, String status) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (ids != null && !ids.isEmpty()) {
            where.add("number in :ids");
            params.put("ids", ids);
            // Numbers are sequential: only Open311's own (public) requests answer by number; a hotline ticket's progress
            // is read with the unguessable token of its SMS link (GET /api/v1/progress/{token}).
            where.add("channel = :channel");
            params.put("channel", Channel.OPEN311);
        } else {
            // The public list shows what was filed through Open311; other channels' tickets only by explicit id.
            where.add("channel = :channel");
            params.put("channel", Channel.OPEN311);
            where.add("receivedAt >= :start");
            params.put("start", start);
            where.add("receivedAt < :end");
            params.put("end", end);
            if (serviceCode != null) {
                where.add("categoryCode = :service");
                params.put("service", serviceCode);
            }
            if ("open".equals(status)) {
                where.add("status in :open");
                params.put("open", List.of(TicketStatus.ACCEPTED, TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS,
                        TicketStatus.AWAITING_FOLLOWUP));
            } else if ("closed".equals(status)) {
                where.add("status in :closed");
                params.put("closed", List.of(TicketStatus.CLOSED, TicketStatus.MERGED, TicketStatus.TRANSFERRED_OUT));
            }
        }
        return Panache.withSession(() -> repository.find(String.join(" and ", where), Sort.descending("number"), params)
                        .range(0, MAX_REQUESTS - 1).list())
                .map(found -> found.stream().map(this::view).toList());
    }

    private Open311Views.Request view(Ticket t) {
        boolean open = t.status().isOpen();
        return new Open311Views.Request(t.number, open ? "open" : "closed", statusNotes(t.status()),
                categories.get(t.categoryCode).map(c -> c.name()).orElse(null), t.categoryCode,
                t.channel == Channel.OPEN311 ? TextMasking.mask(t.content) : null,
                config.open311().agencyResponsible(), null, w3c.format(t.receivedAt), w3c.format(t.updatedAt),
                open ? w3c.format(t.receivedAt.plus(config.open311().expectedWithin())) : null,
                t.channel == Channel.OPEN311 ? t.address : null, null, null,
                t.channel == Channel.OPEN311 ? t.lat : null, t.channel == Channel.OPEN311 ? t.lon : null, null);
    }

    /** The citizen-facing words for a status (Open311 status_notes, the progress page). */
    public static String statusNotes(TicketStatus status) {
        return switch (status) {
            case ACCEPTED -> "已受理";
            case DISPATCHED -> "已派单";
            case IN_PROGRESS -> "处理中";
            case AWAITING_FOLLOWUP -> "已办结，待回访";
            case CLOSED -> "已办结";
            case MERGED -> "已并入其他工单";
            case TRANSFERRED_OUT -> "已移交110";
        };
    }
}
