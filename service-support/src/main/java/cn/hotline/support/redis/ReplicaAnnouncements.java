package cn.hotline.support.redis;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * "Something changed" between replicas of one service over Redis pub/sub: a replica announces a change it
 * committed; every other replica hears it and reloads what it holds in memory. Best effort both ways, so each
 * user also needs a way to catch up (a periodic reload, or reloading on its own change).
 */
@ApplicationScoped
public class ReplicaAnnouncements {

    private static final Logger LOG = Logger.getLogger(ReplicaAnnouncements.class);

    private final RedisClient client;
    private final RedisConnection redis;
    private final String instanceId = UUID.randomUUID().toString();
    private final List<StatefulRedisPubSubConnection<String, String>> subscriptions = new CopyOnWriteArrayList<>();

    public ReplicaAnnouncements(RedisClient client, RedisConnection redis) {
        this.client = client;
        this.redis = redis;
    }

    /**
     * Calls {@code onChange} (on a Redis I/O thread: hand blocking work off) with what another replica announced on
     * {@code channel}; a failure to subscribe is logged and leaves this replica seeing only its own changes.
     */
    public void subscribe(String channel, Consumer<String> onChange) {
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    if (from.equals(channel) && !message.startsWith(instanceId)) {
                        onChange.accept(message.substring(message.indexOf(':') + 1));
                    }
                }
            });
            connection.sync().subscribe(channel);
            subscriptions.add(connection);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot subscribe to %s; other replicas' changes will not be heard", channel);
        }
    }

    /** Tells the other replicas that {@code what} changed; call after the change committed. */
    public void announce(String channel, String what) {
        try {
            redis.get().async().publish(channel, instanceId + ":" + what);
        } catch (RuntimeException e) {
            LOG.warnf("cannot announce change %s on %s: %s", what, channel, e.toString());
        }
    }

    @PreDestroy
    void close() {
        subscriptions.forEach(StatefulRedisPubSubConnection::close);
    }
}
