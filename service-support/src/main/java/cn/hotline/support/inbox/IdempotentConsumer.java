package cn.hotline.support.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.CloudEventHeaders;
import cn.hotline.events.InvalidEventException;
import cn.hotline.support.vertx.CallerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies a Kafka record's effect exactly once per consumer: parses the CloudEvent, claims its id in
 * {@code processed_event} and runs the effect in the same transaction. A lost database connection or a
 * lock conflict is retried with backoff for as long as it lasts (the record is never dropped for it);
 * any other failure is retried a few times, and a record that is not a valid event or still fails is
 * logged, counted and skipped so one poison record cannot stop the partition.
 * <p>
 * A batch (one poll) is applied in one transaction with one claim statement; if that fails, its records are
 * applied one by one as above, so a poison record costs its batch a second pass and nothing more. Records
 * whose type the consumer does not apply are passed over before any transaction.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processedEvents;
    private final EventHandlingConfig config;
    private final MeterRegistry registry;

    public IdempotentConsumer(ProcessedEvents processedEvents, EventHandlingConfig config, MeterRegistry registry) {
        this.processedEvents = processedEvents;
        this.config = config;
        this.registry = registry;
    }

    /** A record with its parsed event. */
    private record Pending(ConsumerRecord<String, byte[]> record, CloudEvent event) {
    }

    /**
     * Handles one poll's {@code records} for {@code consumer}, in order, applying {@code effect} to the events whose
     * type is in {@code types}; the returned Uni never fails.
     */
    public Uni<Void> handleBatch(String consumer, ConsumerRecords<String, byte[]> records, Set<String> types,
            Function<CloudEvent, Uni<Void>> effect) {
        List<Pending> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = parse(consumer, record);
            if (event != null && types.contains(event.type())) {
                pending.add(new Pending(record, event));
            }
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Executor context = CallerContext.capture();
        if (pending.size() == 1) {
            return apply(consumer, pending.get(0), effect, context);
        }
        List<CloudEvent> events = pending.stream().map(Pending::event).toList();
        return Panache.withTransaction(() -> processedEvents.claimAll(events, consumer)
                        .flatMap(fresh -> Multi.createFrom().iterable(pending).onItem().transformToUniAndConcatenate(
                                        p -> (fresh.remove(p.event().id()) ? effect.apply(p.event()) : duplicate(consumer))
                                                .call(IdempotentConsumer::flushAndClear)
                                                .replaceWith(p))
                                .collect().last()))
                .runSubscriptionOn(context)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("%s: a batch of %d records failed (%s); applying them one by one", consumer,
                            pending.size(), failure.toString());
                    registry.counter("hotline.events.batch-fallbacks", "consumer", consumer).increment();
                    return Multi.createFrom().iterable(pending).onItem()
                            .transformToUniAndConcatenate(p -> apply(consumer, p, effect, context).replaceWith(p))
                            .collect().last().replaceWithVoid();
                });
    }

    private CloudEvent parse(String consumer, ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventHeaders.fromRecord(record.headers(), record.value());
        } catch (InvalidEventException e) {
            skipped(consumer, record, e);
            return null;
        }
    }

    /** One record in a transaction of its own, on {@code context} (the record's: a batch's fallback may complete elsewhere). */
    private Uni<Void> apply(String consumer, Pending pending, Function<CloudEvent, Uni<Void>> effect, Executor context) {
        ConsumerRecord<String, byte[]> record = pending.record();
        CloudEvent event = pending.event();
        return Panache.withTransaction(() -> processedEvents.claim(event, consumer)
                        .flatMap(fresh -> fresh ? effect.apply(event) : duplicate(consumer)))
                // A retry resubscribes from a timer thread; the reactive session needs the record's context.
                .runSubscriptionOn(context)
                .onFailure(TransientFailures::isTransient).invoke(failure -> LOG.warnf(
                        "%s: %s; retrying %s-%d@%d", consumer, failure.toString(), record.topic(), record.partition(),
                        record.offset()))
                .onFailure(TransientFailures::isTransient)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely()
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries())
                .onFailure().recoverWithItem(failure -> {
                    skipped(consumer, record, failure);
                    return null;
                });
    }

    /**
     * Writes a record's changes and empties the session before the next record of the batch. Every query flushes
     * automatically, and a flush checks every entity the session holds: without this, each record would pay for the
     * entities of all records before it, and a batch would cost the square of its size. Effects keep no entity from
     * one record to the next, so nothing is lost; what a later record reads, it reads from the database.
     */
    private static Uni<Void> flushAndClear() {
        return Panache.getSession().flatMap(session -> session.flush().invoke(session::clear));
    }

    private Uni<Void> duplicate(String consumer) {
        registry.counter("hotline.events.duplicates", "consumer", consumer).increment();
        return Uni.createFrom().voidItem();
    }

    private void skipped(String consumer, ConsumerRecord<String, byte[]> record, Throwable why) {
        LOG.errorf("%s skipped record %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(),
                why.toString());
        registry.counter("hotline.events.skipped", "consumer", consumer).increment();
    }
}
