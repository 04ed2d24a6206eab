package cn.hotline.intake.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.mapping.PoliceHandoverPayload;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * Hands one hand-over to the 110 system over HTTP, behind a SmallRye Fault Tolerance guard (timeout, quick retries)
 * built from {@code hotline.intake.police.*}. No circuit breaker: the worker's durable backoff already spaces the
 * attempts, and an open breaker would only burn them without trying. Built at start, not on the worker's event loop.
 */
@ApplicationScoped
@Startup
public class PoliceReceiverClient {

    private final PoliceReceiverApi api;
    private final TypedGuard<Uni<PoliceAcknowledgement>> guard;

    public PoliceReceiverClient(IntakeConfig config) {
        IntakeConfig.Police police = config.police();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(police.receiverUrl()))
                .connectTimeout(police.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(police.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(PoliceReceiverApi.class);
        this.guard = TypedGuard.create(new TypeLiteral<Uni<PoliceAcknowledgement>>() {
                })
                .withDescription("police-receiver")
                .withTimeout().duration(police.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(police.callRetries()).delay(police.callRetryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS).done()
                .build();
    }

    /** 110's acknowledgement of {@code handover}; fails when 110 cannot be reached or does not acknowledge. */
    public Uni<PoliceAcknowledgement> handOver(PoliceHandoverPayload handover) {
        return guard.get(() -> api.handOver(handover.handoverId(), handover));
    }
}
