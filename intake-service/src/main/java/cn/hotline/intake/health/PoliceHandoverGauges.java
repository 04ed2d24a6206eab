package cn.hotline.intake.health;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.intake.domain.HandoverStatus;
import cn.hotline.intake.repository.PoliceHandoverRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * {@code hotline_police_handovers{status="PENDING"|"FAILED"}}: hand-overs 110 has not acknowledged yet, and those
 * that gave up — what an operator alerts on (FAILED &gt; 0). Not a readiness check: 110 being away must not take
 * intake out of service.
 */
@ApplicationScoped
public class PoliceHandoverGauges {

    private static final Logger LOG = Logger.getLogger(PoliceHandoverGauges.class);

    private final PoliceHandoverRepository handovers;
    private final Map<HandoverStatus, AtomicLong> counts = new EnumMap<>(HandoverStatus.class);

    public PoliceHandoverGauges(PoliceHandoverRepository handovers, MeterRegistry metrics) {
        this.handovers = handovers;
        for (HandoverStatus status : new HandoverStatus[] {HandoverStatus.PENDING, HandoverStatus.FAILED}) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("hotline.police.handovers", count, AtomicLong::get).tag("status", status.name())
                    .description("hand-overs to 110 not acknowledged (PENDING) or given up (FAILED)").register(metrics);
        }
    }

    @Scheduled(every = "${hotline.intake.police.gauge-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(handovers::undeliveredCounts)
                .invoke(found -> counts.forEach((status, count) -> count.set(found.getOrDefault(status, 0L))))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("hand-over gauges not refreshed (%s)", failure.toString());
                    return null;
                });
    }
}
