package cn.hotline.intake.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.mapping.CategoryView;
import cn.hotline.region.CategoryCatalogue;
import cn.hotline.support.seed.SeedImport;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Loads the shared category catalogue on start through the same import the API uses (idempotent), under the seed
 * lock so replicas starting together import one after the other.
 */
@ApplicationScoped
public class CategorySeeder {

    private static final Logger LOG = Logger.getLogger(CategorySeeder.class);

    private final CategoryService categories;
    private final SeedImport seeds;
    private final IntakeConfig config;

    public CategorySeeder(CategoryService categories, SeedImport seeds, IntakeConfig config) {
        this.categories = categories;
        this.seeds = seeds;
        this.config = config;
    }

    void seed(@Observes StartupEvent event) throws Throwable {
        List<CategoryView> entries = CategoryCatalogue.parse(config.region().categoriesCsv()).stream()
                .map(c -> new CategoryView(c.code(), c.name(), c.parentCode())).toList();
        List<CategoryView> loaded = VertxContextSupport.subscribeAndAwait(() -> seeds
                .exclusively("intake-categories", () -> categories.importAll(entries))
                .ifNoItem().after(Duration.ofSeconds(60)).fail());
        LOG.infof("category catalogue: %d entries", loaded.size());
    }
}
