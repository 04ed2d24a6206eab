package cn.hotline.support.reference;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.hotline.events.payload.CategoriesChanged;
import cn.hotline.region.Category;
import cn.hotline.region.CategoryCatalogue;
import cn.hotline.support.problem.Swallowed;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A service's copy of intake's category catalogue: the region's seed, plus every change intake announced
 * ({@code category.changed}), kept in the service's {@code category_copy} table so a restart keeps them. A
 * service that keeps a copy sets {@code hotline.category-copy.enabled=true} and feeds {@link #apply} from its
 * consumer of {@code hotline.tickets}. Only one replica of a service consumes each announcement, so every replica
 * also re-reads the table now and then ({@code hotline.category-copy.refresh-every}). The upsert runs beside the
 * consumer's transaction, not in it: applying an announcement twice leaves the same row, so a redelivery is harmless.
 */
@ApplicationScoped
public class CategoryCopy {

    private static final Logger LOG = Logger.getLogger(CategoryCopy.class);
    private static final String UPSERT = "insert into category_copy (code, name, parent_code, changed_at)"
            + " select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[])"
            + " on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,"
            + " changed_at = excluded.changed_at where category_copy.changed_at <= excluded.changed_at";

    private final Pool pool;
    private final boolean enabled;
    private volatile CategoryCatalogue current = CategoryCatalogue.region();

    public CategoryCopy(Pool pool, @ConfigProperty(name = "hotline.category-copy.enabled", defaultValue = "false") boolean enabled) {
        this.pool = pool;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load().await().atMost(Duration.ofMinutes(1));
            LOG.infof("category catalogue copy: %d categories", current.size());
        }
    }

    /** Picks up what another replica of this service stored from an announcement it consumed. */
    @Scheduled(every = "${hotline.category-copy.refresh-every:30s}", delayed = "${hotline.category-copy.refresh-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return load().onFailure().invoke(e -> Swallowed.quietly(LOG, "category-copy.refresh", e)).onFailure().recoverWithNull();
    }

    /** The catalogue as this service knows it now. */
    public CategoryCatalogue current() {
        return current;
    }

    /** The region's seed with every stored change over it. */
    public Uni<Void> load() {
        return pool.query("select code, name, parent_code from category_copy order by changed_at, code").execute()
                .invoke(rows -> {
                    List<Category> stored = new ArrayList<>();
                    for (Row row : rows) {
                        stored.add(new Category(row.getString(0), row.getString(1), row.getString(2)));
                    }
                    current = CategoryCatalogue.region().with(stored);
                }).replaceWithVoid();
    }

    /** Stores an announced change (a replay or an older change is harmless) and serves it from now on. */
    public Uni<Void> apply(CategoriesChanged change) {
        List<CategoriesChanged.Entry> entries = change.categories() == null ? List.of() : change.categories();
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.of(entries.stream().map(CategoriesChanged.Entry::code).toArray(String[]::new),
                entries.stream().map(CategoriesChanged.Entry::name).toArray(String[]::new),
                entries.stream().map(CategoriesChanged.Entry::parentCode).toArray(String[]::new),
                entries.stream().map(e -> change.changedAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new));
        return pool.preparedQuery(UPSERT).execute(columns).chain(ignored -> load());
    }
}
