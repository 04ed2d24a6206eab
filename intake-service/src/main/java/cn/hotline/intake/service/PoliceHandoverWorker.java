package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.intake.client.PoliceAcknowledgement;
import cn.hotline.intake.client.PoliceReceiverClient;
import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.HandoverStatus;
import cn.hotline.intake.mapping.PoliceHandoverPayload;
import cn.hotline.intake.repository.PoliceHandoverRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Delivers committed hand-overs to 110 until it acknowledges: claims due rows (a lease), sends each with its id as
 * the idempotency key, and records the acknowledgement and its trail entry in one transaction. A failed attempt is
 * retried after an exponential backoff; after {@code max-attempts} the hand-over is FAILED, on the trail and in the
 * {@code hotline_police_handovers} gauge, and waits for a person. A crash anywhere leaves the row PENDING (or its
 * lease running out), so it is sent again and 110 recognises the repeat.
 */
@ApplicationScoped
public class PoliceHandoverWorker {

    private static final Logger LOG = Logger.getLogger(PoliceHandoverWorker.class);
    private static final int MAX_ERROR_LENGTH = 500;
    private static final int PARALLEL_SENDS = 4;

    private final PoliceHandoverRepository handovers;
    private final PoliceReceiverClient receiver;
    private final TicketTrailRepository trail;
    private final BackgroundTransactions transactions;
    private final ObjectMapper json;
    private final IntakeConfig.Police config;
    private final Clock clock;
    private final Counter acknowledged;
    private final Counter failedAttempts;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public PoliceHandoverWorker(PoliceHandoverRepository handovers, PoliceReceiverClient receiver, TicketTrailRepository trail,
            BackgroundTransactions transactions, ObjectMapper json, IntakeConfig config, Clock clock, MeterRegistry metrics) {
        this.handovers = handovers;
        this.receiver = receiver;
        this.trail = trail;
        this.transactions = transactions;
        this.json = json;
        this.config = config.police();
        this.clock = clock;
        this.acknowledged = Counter.builder("hotline.police.handover.attempts").tag("outcome", "acknowledged")
                .description("attempts to hand a ticket over to 110, by outcome").register(metrics);
        this.failedAttempts = Counter.builder("hotline.police.handover.attempts").tag("outcome", "failed")
                .description("attempts to hand a ticket over to 110, by outcome").register(metrics);
    }

    @Scheduled(every = "${hotline.intake.police.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Looks for due hand-overs now, off the caller's thread (e.g. right after a transfer-out committed). */
    public void wake() {
        Infrastructure.getDefaultWorkerPool().execute(this::drain);
    }

    /** No new rounds once the application stops: connections are closing; what is claimed is retried after its lease. */
    void stop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    private void drain() {
        if (stopping.get()) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Multi.createBy().repeating().uni(this::deliverBatch).whilst(claimed -> claimed == config.batchSize())
                .collect().last()
                .subscribe().with(ignored -> finished(), failure -> {
                    LOG.warnf("110 hand-over worker: %s; the next poll retries", failure.toString());
                    finished();
                });
    }

    private void finished() {
        draining.set(false);
        if (again.getAndSet(false)) {
            drain();
        }
    }

    private Uni<Integer> deliverBatch() {
        UUID token = UUID.randomUUID();
        return transactions.run(() -> handovers.claimDue(token, config.lease(), clock.instant(), config.batchSize()))
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(claimed).onItem().transformToUni(this::deliver).merge(PARALLEL_SENDS)
                                .collect().asList().map(List::size));
    }

    private Uni<Void> deliver(PoliceHandoverRepository.Claimed claimed) {
        PoliceHandoverPayload payload;
        try {
            payload = json.readValue(claimed.payload(), PoliceHandoverPayload.class);
        } catch (JsonProcessingException e) {
            return failed(claimed, "stored hand-over unreadable: " + e.getOriginalMessage());
        }
        return receiver.handOver(payload)
                .onItem().transformToUni(ack -> isReceipt(ack, payload) ? recordAcknowledged(claimed, ack)
                        : failed(claimed, "110 answered without a receipt for this hand-over: " + ack))
                .onFailure().recoverWithUni(failure -> failed(claimed, describe(failure)));
    }

    private static boolean isReceipt(PoliceAcknowledgement ack, PoliceHandoverPayload payload) {
        return ack != null && ack.acknowledgementId() != null && !ack.acknowledgementId().isBlank()
                && ack.acknowledgementId().length() <= 128
                && (ack.handoverId() == null || ack.handoverId().equals(payload.handoverId()));
    }

    private Uni<Void> recordAcknowledged(PoliceHandoverRepository.Claimed claimed, PoliceAcknowledgement ack) {
        Instant now = clock.instant();
        Instant at = ack.receivedAt() == null ? now : ack.receivedAt();
        acknowledged.increment();
        return transactions.run(() -> handovers.delivered(claimed.id(), now, ack.acknowledgementId(), at)
                // null: another claim settled it first (its lease had run out); that one wrote the trail entry.
                .flatMap(settled -> settled == null ? Uni.createFrom().voidItem()
                        : trail.append(settled.ticketId(), "HANDOVER_ACKNOWLEDGED", "110", ack.acknowledgementId(),
                                "110 acknowledged hand-over " + claimed.id() + " (attempt " + settled.attempts() + ")", at)
                                .replaceWithVoid()))
                .invoke(() -> LOG.infof("hand-over %s acknowledged by 110 as %s", claimed.id(), ack.acknowledgementId()));
    }

    private Uni<Void> failed(PoliceHandoverRepository.Claimed claimed, String error) {
        Instant now = clock.instant();
        int attempt = claimed.attempts() + 1;
        failedAttempts.increment();
        return transactions.run(() -> handovers.failedAttempt(claimed.id(), claimed.token(), now, error,
                        now.plus(backoff(attempt)), config.maxAttempts())
                .flatMap(settled -> {
                    if (settled == null || settled.status() != HandoverStatus.FAILED) {
                        LOG.warnf("hand-over %s to 110, attempt %d failed: %s", claimed.id(), attempt, error);
                        return Uni.createFrom().voidItem();
                    }
                    LOG.errorf("hand-over %s to 110 FAILED after %d attempts: %s", claimed.id(), settled.attempts(), error);
                    return trail.append(settled.ticketId(), "HANDOVER_FAILED", "system", claimed.id().toString(),
                            "110 not reached after " + settled.attempts() + " attempts: " + error, now).replaceWithVoid();
                }));
    }

    /** The wait after failed attempt {@code n}: initial × factor^(n-1), at most the configured maximum. */
    Duration backoff(int attempt) {
        double millis = config.retryInitialDelay().toMillis() * Math.pow(config.retryFactor(), Math.max(0, attempt - 1));
        return millis >= config.retryMaxDelay().toMillis() ? config.retryMaxDelay() : Duration.ofMillis((long) millis);
    }

    private static String describe(Throwable failure) {
        String text = failure instanceof jakarta.ws.rs.WebApplicationException web
                ? "110 answered HTTP " + web.getResponse().getStatus()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
