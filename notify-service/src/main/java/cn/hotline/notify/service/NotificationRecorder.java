package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.NotificationEvent;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.DeliveryFailureTrigger;
import cn.hotline.notify.domain.Notification;
import cn.hotline.notify.domain.NotificationStatus;
import cn.hotline.notify.gateway.SmsResult;
import cn.hotline.notify.repository.NotificationBatchRepository;
import cn.hotline.notify.repository.NotificationBatchRepository.Outcome;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.support.outbox.OutboxWriter;
import cn.hotline.support.security.Masking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records a notification's outcome with its notification.* event in one transaction (outbox): the gateway's answers
 * and receipts set-based, a batch per statement, as are deferrals (which have no event); cancellations and failures
 * one by one on the entity.
 */
@ApplicationScoped
public class NotificationRecorder {

    private final NotificationRepository notifications;
    private final NotificationBatchRepository batches;
    private final OutboxWriter outbox;
    private final NotifyConfig config;
    private final Tx tx;
    private final ReminderLadderScheduler ladder;
    private final Clock clock;
    private final GroupCommit<Sent> sentResults;
    private final GroupCommit<NotificationBatchRepository.Deferral> deferrals;

    /** A send the gateway accepted, to be recorded. */
    private record Sent(UUID id, SmsResult result) {
    }

    /** The template of the duty dispatcher's notice that an SMS could not be delivered. */
    static final String DELIVERY_FAILED_TEMPLATE = "DELIVERY_FAILED";

    public NotificationRecorder(NotificationRepository notifications, NotificationBatchRepository batches, OutboxWriter outbox,
            NotifyConfig config, Tx tx, ReminderLadderScheduler ladder, Clock clock) {
        this.ladder = ladder;
        this.notifications = notifications;
        this.batches = batches;
        this.outbox = outbox;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
        this.sentResults = new GroupCommit<>(config.claimBatch(), this::sentAll, one -> sentAll(List.of(one)));
        this.deferrals = new GroupCommit<>(config.claimBatch(), this::deferAll, one -> deferAll(List.of(one)));
    }

    /**
     * Records a send the gateway accepted. Sends finishing at the same time on several lanes are recorded in one
     * transaction ({@link GroupCommit}); this returns once this one is committed.
     */
    public void sent(UUID id, SmsResult result) {
        sentResults.submit(new Sent(id, result));
    }

    private void sentAll(List<Sent> batch) {
        List<NotificationBatchRepository.Sent> sends = batch.stream()
                .map(s -> new NotificationBatchRepository.Sent(s.id(), s.result().gateway(), s.result().messageId())).toList();
        List<String> partIds = new ArrayList<>();
        List<UUID> partOf = new ArrayList<>();
        for (Sent s : batch) {
            if (SmsResult.SMPP.equals(s.result().gateway())) {
                s.result().messageIds().forEach(m -> {
                    partIds.add(m);
                    partOf.add(s.id());
                });
            }
        }
        tx.onPool(conn -> batches.sent(conn, sends, clock.instant())
                .call(() -> batches.parts(conn, partIds, partOf))
                .call(moved -> announce(conn, moved)));
    }

    /** Appends the notification.* event of each notification moved set-based (SENT, DELIVERED or FAILED), one statement. */
    Uni<Void> announce(SqlConnection conn, List<Outcome> moved) {
        Instant now = clock.instant();
        return outbox.appendAll(conn, moved.stream().filter(o -> o.ticketId() != null).map(o -> entry(o, now)).toList());
    }

    private static OutboxWriter.Entry entry(Outcome o, Instant at) {
        String type = switch (o.status()) {
            case SENT -> EventTypes.NOTIFICATION_SENT;
            case DELIVERED -> EventTypes.NOTIFICATION_DELIVERED;
            case FAILED -> EventTypes.NOTIFICATION_FAILED;
            default -> throw new IllegalArgumentException("no event for a notification " + o.status());
        };
        // The id's last part is the event's (notification.sent → sent), as the outbox always had it.
        String suffix = type.substring(type.lastIndexOf('.') + 1);
        NotificationEvent payload = new NotificationEvent(NotificationEvent.SCHEMA_VERSION, o.id().toString(), o.ticketId(),
                o.dedupKey(), o.recipientId(), Masking.phone(o.recipientPhone()), o.templateCode(), o.level(), o.gateway(),
                o.messageId(), o.segments(), o.status().name(), o.error(), at);
        return new OutboxWriter.Entry("notification:" + o.id() + ":" + suffix, type, o.ticketId(), payload);
    }

    /**
     * Puts a claimed send off until {@code until}. Deferrals made at the same time on several lanes (a rate-limited
     * recipient's burst, quiet hours) are written with one statement; this returns once this one is.
     */
    public void defer(UUID id, Instant until, String reason) {
        deferrals.submit(new NotificationBatchRepository.Deferral(id, until, reason));
    }

    private void deferAll(List<NotificationBatchRepository.Deferral> batch) {
        tx.once(conn -> batches.defer(conn, batch));
    }

    public void cancel(UUID id, String reason) {
        tx.run(() -> notifications.findById(id).invoke(n -> {
            n.become(NotificationStatus.CANCELLED);
            release(n);
            n.error = reason;
        }).replaceWithVoid());
    }

    /** A failed attempt: deferred with backoff until the last attempt, then FAILED with its event. */
    public void failed(UUID id, String error) {
        tx.run(() -> notifications.findById(id).flatMap(n -> {
            n.attempts++;
            release(n);
            n.error = error.length() > 480 ? error.substring(0, 480) : error;
            if (n.attempts < config.maxAttempts()) {
                n.become(NotificationStatus.DEFERRED);
                n.nextAttemptAt = clock.instant().plus(config.retryBackoff().multipliedBy(n.attempts));
                return Uni.createFrom().voidItem();
            }
            n.become(NotificationStatus.FAILED);
            return event(n).chain(() -> alertDutyDispatcher(n));
        }));
    }

    /**
     * Every gateway failed for the last time: the duty dispatcher is told, to phone the person instead. An alert
     * about an alert that failed would only fail again, so that one stops here.
     */
    private Uni<Void> alertDutyDispatcher(Notification n) {
        if (DELIVERY_FAILED_TEMPLATE.equals(n.templateCode) || n.ticketId == null) {
            return Uni.createFrom().voidItem();
        }
        String who = (n.recipientId != null ? n.recipientId : "") + " " + Masking.phone(n.recipientPhone);
        return ladder.trigger(new DeliveryFailureTrigger(n.ticketId, n.urgent ? "URGENT" : "NORMAL", clock.instant(),
                who.strip()));
    }

    /** The send is over: the claim ends (claimed_by stays, for the audit). */
    private static void release(Notification n) {
        n.claimToken = null;
        n.claimedUntil = null;
    }

    /** The event of a notification moved (on the entity) to {@code n.status}. */
    private Uni<Void> event(Notification n) {
        if (n.ticketId == null) {
            return Uni.createFrom().voidItem();
        }
        OutboxWriter.Entry e = entry(new Outcome(n.id, n.ticketId, n.dedupKey, n.recipientId, n.recipientPhone,
                n.templateCode, n.level, n.gateway, n.messageId, n.segments, n.status, n.error), clock.instant());
        return outbox.append(e.eventId(), e.type(), e.ticketId(), e.payload()).replaceWithVoid();
    }
}
