package cn.hotline.sla.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.hotline.sla.config.SlaConfig;
import cn.hotline.sla.domain.Policy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * On first start, imports the 2026 holiday notice into the {@code default} calendar and the default policies,
 * through the same service methods as the admin API; later starts leave stored data alone.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final CalendarService calendars;
    private final PolicyService policies;
    /** Advisory lock key of the seeding transaction ("SLA seed"). */
    private static final long SEED_LOCK = 0x534C4153L;

    private final ReferenceData reference;
    private final ReferenceRefresher refresher;
    private final SlaConfig config;

    public SeedLoader(CalendarService calendars, PolicyService policies, ReferenceData reference, ReferenceRefresher refresher,
            SlaConfig config) {
        this.refresher = refresher;
        this.calendars = calendars;
        this.policies = policies;
        this.reference = reference;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> seedLock()
                .flatMap(locked -> seed()).flatMap(ok -> reference.reload())));
        refresher.start();
    }

    /** Replicas starting together on an empty database seed one after the other: the second finds it done. */
    private static Uni<Object> seedLock() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(" + SEED_LOCK + ")) locked").getSingleResult());
    }

    Uni<Void> seed() {
        String name = config.seed().calendarName();
        return calendars.exists(name).flatMap(exists -> exists ? Uni.createFrom().voidItem()
                        : calendars.importIcs(name, resource(config.seed().calendarResource()))
                                .invoke(r -> LOG.infof("seeded calendar %s: %s", name, r)).replaceWithVoid())
                .flatMap(ok -> policies.loadAll())
                .flatMap(existing -> existing.isEmpty() ? seedPolicies() : Uni.createFrom().voidItem());
    }

    private Uni<Void> seedPolicies() {
        List<Policy> seed = readPolicies(resource(config.seed().policiesResource()));
        return Multi.createFrom().iterable(seed).onItem().transformToUniAndConcatenate(policies::upsert)
                .collect().asList().invoke(list -> LOG.infof("seeded %d SLA policies", list.size())).replaceWithVoid();
    }

    static List<Policy> readPolicies(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml, new TypeReference<List<Policy>>() {
                    });
        } catch (IOException e) {
            throw new IllegalStateException("seed policies are not valid YAML", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read seed resource " + path, e);
        }
    }
}
