package cn.hotline.intake.service;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.CategoriesChanged;
import cn.hotline.intake.mapping.CategoryView;
import cn.hotline.intake.repository.CategoryRepository;
import cn.hotline.support.outbox.OutboxWriter;
import cn.hotline.support.problem.Swallowed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The category catalogue: import (idempotent upsert), listing, and an in-memory copy for fast validation. */
@ApplicationScoped
public class CategoryService {

    private static final Logger LOG = Logger.getLogger(CategoryService.class);

    private final CategoryRepository repository;
    private final OutboxWriter outbox;
    private final Clock clock;
    private volatile Map<String, CategoryView> cache = Map.of();

    public CategoryService(CategoryRepository repository, OutboxWriter outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Imports entries (parents before children as given); what exists is updated. What the import changed is
     * announced ({@code category.changed}) in the same transaction, so routing and notify know it without a restart.
     */
    public Uni<List<CategoryView>> importAll(List<CategoryView> entries) {
        return Panache.withTransaction(() -> repository.listAll().flatMap(stored -> {
                    Map<String, CategoryView> before = new HashMap<>();
                    stored.forEach(c -> before.put(c.code, new CategoryView(c.code, c.name, c.parentCode)));
                    List<CategoryView> changed = entries.stream().filter(e -> !e.equals(before.get(e.code()))).toList();
                    return Multi.createFrom().iterable(changed)
                            .onItem().transformToUniAndConcatenate(e -> repository.upsert(e.code(), e.name(), e.parentCode()))
                            .collect().asList()
                            .call(() -> changed.isEmpty() ? Uni.createFrom().voidItem() : announce(changed));
                }))
                .flatMap(ignored -> refresh());
    }

    private Uni<?> announce(List<CategoryView> changed) {
        List<CategoriesChanged.Entry> entries = changed.stream()
                .map(c -> new CategoriesChanged.Entry(c.code(), c.name(), c.parentCode())).toList();
        return outbox.append(EventTypes.CATEGORY_CHANGED, CategoriesChanged.KEY,
                new CategoriesChanged(CategoriesChanged.SCHEMA_VERSION, entries, clock.instant()));
    }

    public Uni<List<CategoryView>> refresh() {
        return Panache.withSession(() -> repository.listAll()).map(all -> {
            Map<String, CategoryView> fresh = new LinkedHashMap<>();
            all.stream().sorted(Comparator.comparing(c -> c.code))
                    .forEach(c -> fresh.put(c.code, new CategoryView(c.code, c.name, c.parentCode)));
            cache = Map.copyOf(fresh);
            return List.copyOf(fresh.values()).stream().sorted(Comparator.comparing(CategoryView::code)).toList();
        });
    }

    /** Another replica may have imported categories: every replica re-reads the catalogue now and then. */
    @Scheduled(every = "${hotline.intake.categories-refresh-every:30s}", delayed = "${hotline.intake.categories-refresh-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodicRefresh() {
        return refresh().replaceWithVoid().onFailure().invoke(e -> Swallowed.quietly(LOG, "intake.categories.refresh", e))
                .onFailure().recoverWithNull();
    }

    public List<CategoryView> list() {
        return cache.values().stream().sorted(Comparator.comparing(CategoryView::code)).toList();
    }

    public Optional<CategoryView> get(String code) {
        return Optional.ofNullable(code).map(cache::get);
    }
}
