package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.Notification;
import cn.hotline.notify.domain.NotificationStatus;
import cn.hotline.notify.gateway.GatewayRouter;
import cn.hotline.notify.gateway.SmsEncoder;
import cn.hotline.notify.gateway.SmsRequest;
import cn.hotline.notify.gateway.SmsResult;
import cn.hotline.notify.repository.NotificationBatchRepository;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.repository.ReminderLadderStopRepository;
import cn.hotline.notify.repository.WorkClaimRepository;
import cn.hotline.support.problem.Swallowed;
import cn.hotline.support.security.Masking;

/**
 * Sends one SMS to one person, once: the row is claimed under its dedup key (leased to this replica) and
 * committed BEFORE the gateway is called, on the recipient's sending lane; the gateway's answer is recorded right
 * after. The only duplicate window is a crash after the gateway accepted and before that record commits: the
 * lease then runs out and one replica sends the PENDING row again (at-least-once there, never anywhere else).
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final ReminderLadderStopRepository stops;
    private final NotificationRecorder recorder;
    private final GatewayRouter router;
    private final TemplateCatalog templates;
    private final QuietHours quietHours;
    private final RateLimiter rateLimiter;
    private final NotifyConfig config;
    private final ObjectMapper json;
    private final Tx tx;
    private final Clock clock;
    private final WorkClaimRepository claims;
    private final SendLanes lanes;
    private final Replica replica;
    private final NotificationBatchRepository batches;

    public NotificationService(NotificationRepository notifications, ReminderLadderStopRepository stops,
            NotificationRecorder recorder, GatewayRouter router, TemplateCatalog templates, QuietHours quietHours,
            RateLimiter rateLimiter, NotifyConfig config, ObjectMapper json, Tx tx, Clock clock, WorkClaimRepository claims,
            SendLanes lanes, Replica replica, NotificationBatchRepository batches) {
        this.notifications = notifications;
        this.stops = stops;
        this.recorder = recorder;
        this.router = router;
        this.templates = templates;
        this.quietHours = quietHours;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
        this.claims = claims;
        this.lanes = lanes;
        this.replica = replica;
        this.batches = batches;
    }

    /**
     * Claims {@code draft} and queues its send on the recipient's lane; empty when its dedup key was already
     * claimed (a duplicate). The send itself happens asynchronously.
     */
    public Optional<UUID> send(NotificationDraft draft) {
        Notification n = notification(draft);
        long claimedFrom = System.nanoTime();
        if (claim(List.of(n)).isEmpty()) {
            LOG.debugf("already notified: %s", draft.dedupKey());
            return Optional.empty();
        }
        submit(n, claimedFrom);
        return Optional.of(n.id);
    }

    /** {@link #send} for many drafts, claimed with one statement (a level batch's SMS). */
    public void sendAll(List<NotificationDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        List<Notification> all = drafts.stream().map(this::notification).toList();
        long claimedFrom = System.nanoTime();
        List<Notification> claimed = claim(all);
        if (claimed.size() < all.size()) {
            LOG.debugf("already notified: %d of %d", all.size() - claimed.size(), all.size());
        }
        claimed.forEach(n -> submit(n, claimedFrom));
    }

    /** The ones of {@code all} this call claimed (the others' dedup keys were claimed before), in their order. */
    private List<Notification> claim(List<Notification> all) {
        Set<UUID> fresh = tx.once(conn -> batches.claimAll(conn, all, config.claimLease()));
        return all.stream().filter(n -> fresh.contains(n.id)).toList();
    }

    private void submit(Notification n, long claimedFrom) {
        UUID token = n.claimToken;
        lanes.submit(n.recipientPhone, () -> deliver(n, token, claimedFrom));
    }

    private Notification notification(NotificationDraft draft) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.dedupKey = draft.dedupKey();
        n.ticketId = draft.ticketId();
        n.dispatchId = draft.dispatchId();
        n.scope = draft.scope();
        n.stage = draft.stage();
        n.level = draft.level();
        n.recipientId = draft.person().personId();
        n.recipientRole = draft.role();
        n.recipientPhone = draft.person().phone();
        n.templateCode = draft.templateCode();
        n.text = templates.render(draft.templateCode(), draft.vars());
        var sms = SmsEncoder.encode(n.text);
        n.encoding = sms.encoding();
        n.length = sms.length();
        n.segments = sms.segments();
        n.urgent = draft.urgent();
        n.replyCode = draft.replyCode();
        n.status = NotificationStatus.PENDING;
        n.createdAt = clock.instant();
        try {
            n.params = json.writeValueAsString(draft.vars());
        } catch (Exception e) {
            Swallowed.warn(LOG, "notify.template-variables.write", e);
            n.params = "{}";
        }
        n.claimedBy = replica.name();
        n.claimToken = UUID.randomUUID();
        return n;
    }

    /** Claims and queues what is due: deferred rows whose time came, and PENDING rows whose claimer's lease ran out. */
    public int retryDue() {
        return retryDue(config.claimBatch());
    }

    /** {@link #retryDue()} taking at most {@code limit} rows in this claim. */
    public int retryDue(int limit) {
        UUID token = UUID.randomUUID();
        long claimedFrom = System.nanoTime();
        List<UUID> ids = claims.retries(replica.name(), token, config.claimLease(), clock.instant(), limit);
        if (ids.isEmpty()) {
            return 0;
        }
        for (Notification n : tx.run(() -> notifications.byIds(ids))) {
            if (n.level > 0 && n.stage != null && tx.run(() -> stops.stopped(scopes(n), n.stage))) {
                recorder.cancel(n.id, "stage stopped");
                continue;
            }
            lanes.submit(n.recipientPhone, () -> deliver(n, token, claimedFrom));
        }
        return ids.size();
    }

    private static List<String> scopes(Notification n) {
        return n.ticketId == null || n.ticketId.equals(n.scope) ? List.of(n.scope) : List.of(n.scope, n.ticketId);
    }

    private void deliver(Notification n, UUID token, long claimedFrom) {
        // Re-checked right before the send once the claim is old enough that its lease could have run out meanwhile:
        // if another claim took the row over, that claim sends it, not this one. A younger claim (measured from before
        // the claim statement, on this JVM's monotonic clock) cannot have been taken over, and skips the round trip.
        if (System.nanoTime() - claimedFrom > config.claimLease().toNanos() / 2
                && !claims.renew(n.id, token, config.claimLease())) {
            LOG.infof("SMS %s is no longer claimed by this send; skipped", n.id);
            return;
        }
        if (!n.urgent) {
            Optional<Instant> quietUntil = quietHours.until();
            if (quietUntil.isPresent()) {
                recorder.defer(n.id, quietUntil.get(), "quiet hours");
                return;
            }
            Optional<Instant> limitedUntil = rateLimiter.acquire(n.recipientId != null ? n.recipientId : n.recipientPhone);
            if (limitedUntil.isPresent()) {
                recorder.defer(n.id, limitedUntil.get(), "rate limited");
                return;
            }
        }
        SmsResult result;
        try {
            result = router.send(new SmsRequest(n.recipientPhone, SmsEncoder.encode(n.text),
                    templates.get(n.templateCode).cloudTemplateId(), params(n)));
        } catch (RuntimeException e) {
            LOG.warnf("SMS %s to %s not sent: %s", n.id, Masking.phone(n.recipientPhone), e.toString());
            recorder.failed(n.id, e.toString());
            return;
        }
        recorder.sent(n.id, result);
        LOG.infof("SMS %s (%s, level %d) to %s via %s", n.id, n.templateCode, n.level, Masking.phone(n.recipientPhone),
                result.gateway());
    }

    private Map<String, String> params(Notification n) {
        try {
            return json.readValue(n.params == null ? "{}" : n.params, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            Swallowed.warn(LOG, "notify.template-variables.read", e);
            return Map.of();
        }
    }
}
