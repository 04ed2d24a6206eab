package cn.hotline.routing.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.repository.RuleRepository;
import cn.hotline.routing.repository.TerritoryRepository;
import cn.hotline.routing.repository.UnitRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * On start: loads the routing index, subscribes to change announcements, and on a first start (empty
 * tables) seeds territories, units and the catalogue through the same services as the import API.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final Duration BOUND = Duration.ofMinutes(2);
    /** Advisory lock key of the first-start seed ("RSEED"). */
    private static final long SEED_LOCK = 0x5253454544L;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RoutingConfig config;
    private final RoutingIndex index;
    private final IndexRefresher refresher;
    private final TerritoryRepository territories;
    private final UnitRepository units;
    private final RuleRepository rules;
    private final TerritoryService territoryService;
    private final UnitService unitService;
    private final CatalogueService catalogueService;
    private final UnitSeedGenerator generator;
    private final Pool pool;

    public SeedLoader(RoutingConfig config, RoutingIndex index, IndexRefresher refresher,
            TerritoryRepository territories, UnitRepository units, RuleRepository rules,
            TerritoryService territoryService, UnitService unitService, CatalogueService catalogueService,
            UnitSeedGenerator generator, Pool pool) {
        this.pool = pool;
        this.config = config;
        this.index = index;
        this.refresher = refresher;
        this.territories = territories;
        this.units = units;
        this.rules = rules;
        this.territoryService = territoryService;
        this.unitService = unitService;
        this.catalogueService = catalogueService;
        this.generator = generator;
    }

    void onStart(@Observes StartupEvent event) {
        index.reload().await().atMost(BOUND);
        refresher.subscribe();
        if (config.seed().enabled()) {
            seedExclusively().await().atMost(BOUND);
        }
        index.markReady();
        LOG.infof("routing index ready: %d territories, %d units, %d rule versions",
                index.organisation().territories().size(), index.organisation().units().size(), index.catalogue().size());
    }

    /** Seeds under a PostgreSQL advisory lock, so replicas starting together on an empty database seed once. */
    private Uni<Void> seedExclusively() {
        return pool.getConnection().chain(conn -> conn.query("select pg_advisory_lock(" + SEED_LOCK + ")").execute()
                .chain(() -> seed())
                .eventually(() -> conn.query("select pg_advisory_unlock(" + SEED_LOCK + ")").execute()
                        .eventually(conn::close)));
    }

    /** Seeds whatever is still empty; each part is idempotent (upserts, unchanged rules stay). */
    public Uni<Void> seed() {
        return territories.count().chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : territoryService.importDivisions(text(config.seed().divisions()))
                                .chain(() -> territoryService.importBoundaries(text(config.seed().boundaries())))
                                .replaceWithVoid())
                .chain(() -> units.count())
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : unitService.importUnits(generator.generate(yaml(config.seed().units()), index.organisation()))
                                .replaceWithVoid())
                .chain(() -> rules.count())
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : catalogueService.importRules(catalogue()).replaceWithVoid());
    }

    private List<RuleImport> catalogue() {
        List<RuleImport> list = new ArrayList<>();
        for (JsonNode node : yaml(config.seed().catalogue()).path("rules")) {
            try {
                RuleImport rule = YAML.treeToValue(node, RuleImport.class);
                if (rule.effectiveFrom() == null) {
                    rule = new RuleImport(rule.ruleId(), rule.categoryCode(), rule.kind(), rule.urgency(),
                            rule.territoryCode(), rule.lead(), rule.assisting(), rule.priority(), rule.description(),
                            config.seed().effectiveFrom());
                }
                list.add(rule);
            } catch (IOException e) {
                throw new UncheckedIOException("bad rule in " + config.seed().catalogue() + ": " + node, e);
            }
        }
        return list;
    }

    private static JsonNode yaml(String resource) {
        try {
            return YAML.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
