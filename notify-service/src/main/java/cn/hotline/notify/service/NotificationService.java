package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import cn.hotline.notify.repository.EscalationStopRepository;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.support.security.Masking;

/**
 * Sends one SMS to one person, once: the row is claimed under its dedup key and committed BEFORE the gateway
 * is called, and the gateway's answer is recorded right after. The only duplicate window is a crash after the
 * gateway accepted and before that record commits: the row stays PENDING and is re-sent after
 * {@code pending-resend-after} (at-least-once there, never a second send anywhere else).
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final EscalationStopRepository stops;
    private final NotificationRecorder recorder;
    private final GatewayRouter router;
    private final TemplateCatalog templates;
    private final QuietHours quietHours;
    private final RateLimiter rateLimiter;
    private final NotifyConfig config;
    private final ObjectMapper json;
    private final Tx tx;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, EscalationStopRepository stops,
            NotificationRecorder recorder, GatewayRouter router, TemplateCatalog templates, QuietHours quietHours,
            RateLimiter rateLimiter, NotifyConfig config, ObjectMapper json, Tx tx, Clock clock) {
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
    }

    /** Claims and sends {@code draft}; empty when its dedup key was already claimed (a duplicate). */
    public Optional<UUID> send(NotificationDraft draft) {
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
            n.params = "{}";
        }
        if (!tx.run(() -> notifications.claim(n))) {
            LOG.debugf("already notified: %s", draft.dedupKey());
            return Optional.empty();
        }
        deliver(n);
        return Optional.of(n.id);
    }

    /** Re-tries what is due: deferred rows whose time came, and PENDING rows a crash left behind. */
    public int retryDue() {
        Instant now = clock.instant();
        List<Notification> due = tx.run(() -> notifications.due(now, now.minus(config.pendingResendAfter()), 50));
        for (Notification n : due) {
            if (n.level > 0 && n.stage != null && tx.run(() -> stops.stopped(scopes(n), n.stage))) {
                recorder.cancel(n.id, "stage stopped");
                continue;
            }
            deliver(n);
        }
        return due.size();
    }

    private static List<String> scopes(Notification n) {
        return n.ticketId == null || n.ticketId.equals(n.scope) ? List.of(n.scope) : List.of(n.scope, n.ticketId);
    }

    private void deliver(Notification n) {
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
            return Map.of();
        }
    }
}
