package cn.hotline.routing.service;

import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.support.redis.RedisConnection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every replica's {@link RoutingIndex} current: a data change reloads locally and is announced on a
 * Redis pub/sub channel; every other replica reloads when it hears it.
 */
@ApplicationScoped
public class IndexRefresher {

    private static final Logger LOG = Logger.getLogger(IndexRefresher.class);

    private final RoutingIndex index;
    private final RedisClient client;
    private final RedisConnection redis;
    private final RoutingConfig config;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile StatefulRedisPubSubConnection<String, String> subscription;

    public IndexRefresher(RoutingIndex index, RedisClient client, RedisConnection redis, RoutingConfig config) {
        this.index = index;
        this.client = client;
        this.redis = redis;
        this.config = config;
    }

    /** Subscribes to the refresh channel; a failure is logged, the replica then only sees its own changes. */
    public void subscribe() {
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    if (!message.startsWith(instanceId)) {
                        index.reload().subscribe().with(ok -> LOG.infof("reloaded after change %s", message),
                                e -> LOG.errorf(e, "reload after change %s failed", message));
                    }
                }
            });
            connection.sync().subscribe(config.refreshChannel());
            subscription = connection;
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot subscribe to %s; other replicas' changes will not be seen", config.refreshChannel());
        }
    }

    /** Reloads this replica, then tells the others (announcing is best effort). */
    public Uni<Void> changed(String what) {
        return index.reload().invoke(() -> {
            try {
                redis.get().async().publish(config.refreshChannel(), instanceId + ":" + what);
            } catch (RuntimeException e) {
                LOG.warnf("cannot announce change %s: %s", what, e.toString());
            }
        });
    }

    @PreDestroy
    void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
