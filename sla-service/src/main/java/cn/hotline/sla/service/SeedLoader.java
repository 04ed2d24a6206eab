package cn.hotline.sla.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.hotline.sla.config.SlaConfig;
import cn.hotline.sla.domain.Policy;
import cn.hotline.support.seed.SeedImport;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * On first start, imports the 2026 holiday notice into the {@code default} calendar and the default policies,
 * through the same service methods as the admin API, under service-support's {@link SeedImport} lock; later
 * starts leave stored data alone.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    /** Name of the advisory lock replicas seed under. */
    private static final String SEED = "sla";

    private final CalendarService calendars;
    private final PolicyService policies;
    private final ReferenceData reference;
    private final ReferenceRefresher refresher;
    private final SeedImport seedImport;
    private final SlaConfig config;

    public SeedLoader(CalendarService calendars, PolicyService policies, ReferenceData reference,
            ReferenceRefresher refresher, SeedImport seedImport, SlaConfig config) {
        this.calendars = calendars;
        this.policies = policies;
        this.reference = reference;
        this.refresher = refresher;
        this.seedImport = seedImport;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        // Replicas starting together on an empty database seed one after the other: the second finds it done.
        VertxContextSupport.subscribeAndAwait(() -> seedImport.exclusively(SEED, () -> Panache.withTransaction(this::seed))
                .chain(() -> Panache.withSession(reference::reload)));
        refresher.start();
    }

    Uni<Void> seed() {
        String name = config.seed().calendarName();
        return calendars.exists(name).flatMap(exists -> exists ? Uni.createFrom().voidItem()
                        : calendars.importIcs(name, SeedImport.text(config.seed().calendarResource()))
                                .invoke(r -> LOG.infof("seeded calendar %s: %s", name, r)).replaceWithVoid())
                .flatMap(ok -> policies.loadAll())
                .flatMap(existing -> existing.isEmpty() ? seedPolicies() : Uni.createFrom().voidItem());
    }

    private Uni<Void> seedPolicies() {
        List<Policy> seed = SeedImport.yaml(config.seed().policiesResource(), new TypeReference<List<Policy>>() {
        });
        return Multi.createFrom().iterable(seed).onItem().transformToUniAndConcatenate(policies::upsert)
                .collect().asList().invoke(list -> LOG.infof("seeded %d SLA policies", list.size())).replaceWithVoid();
    }
}
