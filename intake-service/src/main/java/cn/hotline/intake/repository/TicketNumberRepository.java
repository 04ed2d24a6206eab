package cn.hotline.intake.repository;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.hotline.support.vertx.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The per-day counter behind ticket numbers, used like a sequence with a cache: a block of numbers is reserved with
 * one autocommitted statement on a small pool of its own, so no row lock is held while ticket transactions run (the
 * POST path stays fast) and requests waiting on an Idempotency-Key can never starve the owner of a connection.
 */
@ApplicationScoped
public class TicketNumberRepository {

    private static final String RESERVE = "insert into ticket_number_counter as c (day, last_value) values ($1, $2)"
            + " on conflict (day) do update set last_value = c.last_value + $2 returning last_value";

    private final PgPool pool;

    public TicketNumberRepository(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(username);
        password.ifPresent(options::setPassword);
        this.pool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4).setName("ticket-numbers"));
    }

    /** Reserves the {@code count} numbers of {@code day} after the last one reserved; returns the last of them. */
    public Uni<Long> reserve(LocalDate day, int count) {
        // Back to the caller's context, where its reactive session lives.
        return CallerContext.resumeOn(pool.preparedQuery(RESERVE).execute(Tuple.of(day, count))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    @PreDestroy
    void close() {
        pool.closeAndAwait();
    }
}
