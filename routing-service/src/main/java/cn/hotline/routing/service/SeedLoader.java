package cn.hotline.routing.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.mapping.RuleImport;
import cn.hotline.routing.repository.RuleRepository;
import cn.hotline.routing.repository.TerritoryRepository;
import cn.hotline.routing.repository.UnitRepository;
import cn.hotline.support.seed.SeedImport;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * On start: loads the routing index, subscribes to change announcements, and on a first start (empty
 * tables) seeds territories, units and the catalogue through the same services as the import API.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final Duration BOUND = Duration.ofMinutes(2);
    /** Name of the advisory lock replicas seed under. */
    private static final String SEED = "routing";

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
    private final SeedImport seedImport;

    public SeedLoader(RoutingConfig config, RoutingIndex index, IndexRefresher refresher,
            TerritoryRepository territories, UnitRepository units, RuleRepository rules,
            TerritoryService territoryService, UnitService unitService, CatalogueService catalogueService,
            UnitSeedGenerator generator, SeedImport seedImport) {
        this.seedImport = seedImport;
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
            seedImport.exclusively(SEED, this::seed).await().atMost(BOUND);
        }
        index.markReady();
        LOG.infof("routing index ready: %d territories, %d units, %d rule versions",
                index.organisation().territories().size(), index.organisation().units().size(), index.catalogue().size());
    }

    /**
     * Seeds whatever is still empty; each part is idempotent (upserts, unchanged rules stay). On start it runs
     * under {@link SeedImport#exclusively}, so replicas starting together on an empty database seed once.
     */
    public Uni<Void> seed() {
        return territories.count().chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : territoryService.importDivisions(SeedImport.text(config.seed().divisions()))
                                .chain(() -> territoryService.importBoundaries(SeedImport.text(config.seed().boundaries())))
                                .replaceWithVoid())
                .chain(() -> units.count())
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : unitService.importUnits(generator.generate(SeedImport.yaml(config.seed().units()), index.organisation()))
                                .replaceWithVoid())
                .chain(() -> rules.count())
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : catalogueService.importRules(catalogue()).replaceWithVoid());
    }

    private List<RuleImport> catalogue() {
        List<RuleImport> list = new ArrayList<>();
        for (JsonNode node : SeedImport.yaml(config.seed().catalogue()).path("rules")) {
            RuleImport rule = SeedImport.value(node, RuleImport.class);
            if (rule.effectiveFrom() == null) {
                rule = new RuleImport(rule.ruleId(), rule.categoryCode(), rule.kind(), rule.urgency(),
                        rule.territoryCode(), rule.lead(), rule.assisting(), rule.priority(), rule.description(),
                        config.seed().effectiveFrom());
            }
            list.add(rule);
        }
        return list;
    }
}
