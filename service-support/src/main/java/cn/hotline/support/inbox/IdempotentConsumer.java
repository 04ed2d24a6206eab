package cn.hotline.support.inbox;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.CloudEventHeaders;
import cn.hotline.events.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies a Kafka record's effect exactly once per consumer: parses the CloudEvent, claims its id in
 * {@code processed_event} and runs the effect in the same transaction. A lost database connection or a
 * lock conflict is retried with backoff for as long as it lasts (the record is never dropped for it);
 * any other failure is retried a few times, and a record that is not a valid event or still fails is
 * logged, counted and skipped so one poison record cannot stop the partition.
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

    /** Handles {@code record} for {@code consumer}; the returned Uni never fails. */
    public Uni<Void> handle(String consumer, ConsumerRecord<String, byte[]> record, Function<CloudEvent, Uni<Void>> effect) {
        CloudEvent event;
        try {
            event = CloudEventHeaders.fromRecord(record.headers(), record.value());
        } catch (InvalidEventException e) {
            return skip(consumer, record, e);
        }
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> processedEvents.claim(event, consumer)
                        .flatMap(fresh -> fresh ? effect.apply(event) : duplicate(consumer)))
                // A retry resubscribes from a timer thread; the reactive session needs the record's context.
                .runSubscriptionOn(command -> runOn(context, command))
                .onFailure(TransientFailures::isTransient).invoke(failure -> LOG.warnf(
                        "%s: %s; retrying %s-%d@%d", consumer, failure.toString(), record.topic(), record.partition(),
                        record.offset()))
                .onFailure(TransientFailures::isTransient)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely()
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries())
                .onFailure().recoverWithUni(failure -> skip(consumer, record, failure));
    }

    private Uni<Void> duplicate(String consumer) {
        registry.counter("hotline.events.duplicates", "consumer", consumer).increment();
        return Uni.createFrom().voidItem();
    }

    private static void runOn(Context context, Runnable command) {
        if (context == null || Vertx.currentContext() == context) {
            command.run();
        } else {
            context.runOnContext(ignored -> command.run());
        }
    }

    private Uni<Void> skip(String consumer, ConsumerRecord<String, byte[]> record, Throwable why) {
        LOG.errorf("%s skipped record %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(),
                why.toString());
        registry.counter("hotline.events.skipped", "consumer", consumer).increment();
        return Uni.createFrom().voidItem();
    }
}
