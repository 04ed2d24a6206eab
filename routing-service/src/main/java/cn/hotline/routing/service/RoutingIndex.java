package cn.hotline.routing.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.routing.repository.RosterRepository;
import cn.hotline.routing.repository.RuleRepository;
import cn.hotline.routing.repository.TerritoryRepository;
import cn.hotline.routing.repository.UnitRepository;
import io.smallrye.mutiny.Uni;

/** This replica's in-memory organisation model and catalogue index, swapped whole on every reload. */
@ApplicationScoped
public class RoutingIndex {

    private static final Logger LOG = Logger.getLogger(RoutingIndex.class);

    private final TerritoryRepository territories;
    private final UnitRepository units;
    private final RuleRepository rules;
    private final RosterRepository rosters;
    private final AtomicReference<OrganisationSnapshot> organisation = new AtomicReference<>(OrganisationSnapshot.empty());
    private final AtomicReference<CatalogueIndex> catalogue = new AtomicReference<>(CatalogueIndex.empty());
    private final AtomicLong reloads = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    public RoutingIndex(TerritoryRepository territories, UnitRepository units, RuleRepository rules,
            RosterRepository rosters) {
        this.territories = territories;
        this.units = units;
        this.rules = rules;
        this.rosters = rosters;
    }

    public OrganisationSnapshot organisation() {
        return organisation.get();
    }

    public CatalogueIndex catalogue() {
        return catalogue.get();
    }

    /** Completes once the start-up load (and first-start seed) is done; consumers wait for it. */
    public CompletionStage<Void> ready() {
        return ready;
    }

    public boolean isReady() {
        return ready.isDone();
    }

    /** Marks the index ready for decisions (called once seeding on start has finished). */
    public void markReady() {
        ready.complete(null);
    }

    /** How many reloads this replica has done (health and tests). */
    public long reloads() {
        return reloads.get();
    }

    /** Reads everything from the database and swaps both indexes. */
    public Uni<Void> reload() {
        return Uni.combine().all()
                .unis(territories.findAll(), units.findAllUnits(), units.findAllPeople(), units.findAllWindows(),
                        rules.findAll(), rosters.findAllEntries(), rosters.findAllSwaps())
                .with((t, u, p, w, r, dated, swaps) -> {
                    organisation.set(new OrganisationSnapshot(t, u, p, w, dated, swaps));
                    catalogue.set(new CatalogueIndex(r));
                    reloads.incrementAndGet();
                    LOG.debugf("routing index reloaded: %d territories, %d units, %d people, %d rule versions",
                            t.size(), u.size(), p.size(), r.size());
                    return null;
                }).replaceWithVoid();
    }
}
