package cn.hotline.sla.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.sla.config.SlaConfig;
import cn.hotline.support.problem.Swallowed;
import cn.hotline.support.redis.ReplicaAnnouncements;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every replica's policies and calendars current: a change is announced on a Redis pub/sub channel after
 * it commits and the other replicas reload from PostgreSQL; all reload periodically in case a message was lost.
 */
@ApplicationScoped
public class ReferenceRefresher {

    private static final Logger LOG = Logger.getLogger(ReferenceRefresher.class);

    private final ReferenceData reference;
    private final ReplicaAnnouncements announcements;
    private final SlaConfig config;
    // Reloads block on the database, so they run here: never on Lettuce's or Vert.x's event loops.
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sla-reference-reload");
        thread.setDaemon(true);
        return thread;
    });

    public ReferenceRefresher(ReferenceData reference, ReplicaAnnouncements announcements, SlaConfig config) {
        this.reference = reference;
        this.announcements = announcements;
        this.config = config;
    }

    /** Reloads when another replica announces a change, and periodically in case an announcement was lost. */
    public void start() {
        long every = config.reference().reloadEvery().toMillis();
        reloader.scheduleWithFixedDelay(() -> reload("periodic"), every, every, TimeUnit.MILLISECONDS);
        announcements.subscribe(config.reference().channel(), what -> reloader.execute(() -> reload(what)));
    }

    /** Tells the other replicas that {@code what} changed; call after the change committed. Best effort. */
    public Uni<Void> announce(String what) {
        return Uni.createFrom().voidItem().invoke(() -> announcements.announce(config.reference().channel(), what));
    }

    private void reload(String why) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(reference::reload));
            LOG.debugf("policies and calendars reloaded (%s)", why);
        } catch (Throwable e) {
            // The next announcement or the periodic reload tries again; until then the replica keeps what it had.
            Swallowed.warn(LOG, "sla.reference.reload", e);
        }
    }

    @PreDestroy
    void close() {
        reloader.shutdownNow();
    }
}
