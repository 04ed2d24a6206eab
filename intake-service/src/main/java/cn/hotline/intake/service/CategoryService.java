package cn.hotline.intake.service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.intake.mapping.CategoryView;
import cn.hotline.intake.repository.CategoryRepository;
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
    private volatile Map<String, CategoryView> cache = Map.of();

    public CategoryService(CategoryRepository repository) {
        this.repository = repository;
    }

    /** Imports entries (parents before children as given); what exists is updated. */
    public Uni<List<CategoryView>> importAll(List<CategoryView> entries) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(entries)
                        .onItem().transformToUniAndConcatenate(e -> repository.upsert(e.code(), e.name(), e.parentCode()))
                        .collect().asList())
                .flatMap(ignored -> refresh());
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
