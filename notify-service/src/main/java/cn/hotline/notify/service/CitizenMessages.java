package cn.hotline.notify.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.notify.client.IntakeApi;
import cn.hotline.notify.client.IntakeClient;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.CitizenMessageKind;
import cn.hotline.notify.domain.CitizenMessageStatus;
import cn.hotline.notify.domain.Person;
import cn.hotline.notify.repository.CitizenMessageRepository;
import cn.hotline.support.security.Masking;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * SMS to the ticket's caller: queued from ticket.* events, sent by this worker after asking intake for the phone and
 * the opt-out at send time. Sent through {@link NotificationService} as non-urgent messages, so quiet hours hold them
 * until morning and the per-recipient rate limit applies; the audit lists them under the ticket (role CITIZEN).
 */
@ApplicationScoped
public class CitizenMessages {

    public static final String ROLE = "CITIZEN";
    static final String STAGE = "CITIZEN";
    private static final Logger LOG = Logger.getLogger(CitizenMessages.class);

    private final CitizenMessageRepository messages;
    private final IntakeClient intake;
    private final NotificationService sender;
    private final NotifyConfig config;
    private final Replica replica;
    private final Clock clock;
    private volatile boolean stopping;

    public CitizenMessages(CitizenMessageRepository messages, IntakeClient intake, NotificationService sender,
            NotifyConfig config, Replica replica, Clock clock) {
        this.messages = messages;
        this.intake = intake;
        this.sender = sender;
        this.config = config;
        this.replica = replica;
        this.clock = clock;
    }

    /** Queues {@code kind} for the ticket's caller (in the consumer's transaction); once per ticket, kind and dispatch. */
    public Uni<Void> enqueue(String ticketId, String ticketNumber, String dispatchId, CitizenMessageKind kind) {
        String key = ticketId + "|" + kind + "|" + (dispatchId == null ? "" : dispatchId);
        return messages.add(key, ticketId, ticketNumber, dispatchId, kind.name()).replaceWithVoid();
    }

    /** The recipient id of a citizen's number: a pseudonym, so rate-limit keys and the audit's id never hold the number. */
    public static String recipientId(String phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8));
            return "citizen:" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${hotline.notify.worker-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "citizen messages step failed");
        }
    }

    /**
     * Claims due citizen messages (one replica each) and sends them; returns how many were claimed. Their callers
     * (and the acknowledgements' progress links) come from intake in one call for the whole claim.
     */
    public int sendDue() {
        UUID token = UUID.randomUUID();
        List<CitizenMessageRepository.Claimed> due = messages.claim(replica.name(), token, config.claimLease(),
                clock.instant(), config.claimBatch());
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Boolean> linkWanted = new LinkedHashMap<>();
        due.forEach(m -> linkWanted.merge(m.ticketId(), CitizenMessageKind.valueOf(m.kind()) == CitizenMessageKind.ACK,
                Boolean::logicalOr));
        Map<String, IntakeApi.BatchContact> contacts;
        try {
            contacts = intake.contacts(linkWanted.entrySet().stream()
                    .map(e -> new IntakeApi.ContactQuestion(e.getKey(), e.getValue())).toList());
        } catch (RuntimeException e) {
            due.forEach(m -> retryLater(m, token, e));
            return due.size();
        }
        due.forEach(m -> process(m, token, Optional.ofNullable(contacts.get(m.ticketId()))));
        return due.size();
    }

    private void process(CitizenMessageRepository.Claimed m, UUID token, Optional<IntakeApi.BatchContact> contact) {
        CitizenMessageKind kind = CitizenMessageKind.valueOf(m.kind());
        String skip = contact.isEmpty() ? "unknown ticket" : contact.get().phone() == null ? "no phone"
                : contact.get().optedOut() ? "opted out"
                : kind == CitizenMessageKind.COMPLETED && !"AWAITING_FOLLOWUP".equals(contact.get().status())
                        ? "ticket is " + contact.get().status() : null;
        if (skip != null) {
            messages.finish(m.id(), token, CitizenMessageStatus.SKIPPED, skip);
            return;
        }
        IntakeApi.BatchContact caller = contact.get();
        String link = kind == CitizenMessageKind.ACK && caller.progressToken() != null
                ? config.citizen().progressLinkBase() + caller.progressToken() : null;
        String number = caller.number() != null ? caller.number() : m.ticketNumber();
        Map<String, String> vars = link == null ? Map.of("ticketNumber", number) : Map.of("ticketNumber", number, "progressLink", link);
        Optional<UUID> sent = sender.send(new NotificationDraft("citizen|" + m.ticketId() + "|" + kind + "|"
                + (m.dispatchId() == null ? "" : m.dispatchId()), m.ticketId(), m.dispatchId(), "citizen:" + m.ticketId(),
                STAGE, 0, ROLE, person(caller.phone()), kind.template(), vars, false, null));
        messages.finish(m.id(), token, CitizenMessageStatus.DONE, sent.map(id -> "notification " + id).orElse("already notified"));
        LOG.infof("citizen SMS %s of ticket %s to %s queued", kind, number, Masking.phone(caller.phone()));
    }

    private void retryLater(CitizenMessageRepository.Claimed m, UUID token, RuntimeException e) {
        String why = "intake: " + e.getClass().getSimpleName();
        if (m.attempts() + 1 >= config.citizen().maxAttempts()) {
            LOG.warnf("citizen SMS %s of ticket %s given up: %s", m.kind(), m.ticketId(), e.toString());
            messages.finish(m.id(), token, CitizenMessageStatus.FAILED, why);
            return;
        }
        LOG.infof("citizen SMS %s of ticket %s waits for intake (%s)", m.kind(), m.ticketId(), e.toString());
        messages.later(m.id(), token, clock.instant().plus(config.citizen().retry()), why);
    }

    /** The citizen as a recipient: no directory id, a pseudonymous recipient id for rate limits and replies. */
    static Person person(String phone) {
        return new Person(recipientId(phone), null, phone, null, "citizen");
    }
}
