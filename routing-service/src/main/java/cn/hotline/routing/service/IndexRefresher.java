package cn.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.support.redis.ReplicaAnnouncements;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every replica's {@link RoutingIndex} current: a data change reloads locally and is announced on a
 * Redis pub/sub channel; every other replica reloads when it hears it.
 */
@ApplicationScoped
public class IndexRefresher {

    private static final Logger LOG = Logger.getLogger(IndexRefresher.class);

    private final RoutingIndex index;
    private final ReplicaAnnouncements announcements;
    private final RoutingConfig config;

    public IndexRefresher(RoutingIndex index, ReplicaAnnouncements announcements, RoutingConfig config) {
        this.index = index;
        this.announcements = announcements;
        this.config = config;
    }

    /** Reloads whenever another replica announces a change. */
    public void subscribe() {
        announcements.subscribe(config.refreshChannel(), what -> index.reload().subscribe().with(
                ok -> LOG.infof("reloaded after change %s", what), e -> LOG.errorf(e, "reload after change %s failed", what)));
    }

    /** Reloads this replica, then tells the others (announcing is best effort). */
    public Uni<Void> changed(String what) {
        return index.reload().invoke(() -> announcements.announce(config.refreshChannel(), what));
    }
}
