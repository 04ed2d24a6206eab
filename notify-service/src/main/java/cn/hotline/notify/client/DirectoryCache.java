package cn.hotline.notify.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.support.redis.ReplicaAnnouncements;
import io.quarkus.runtime.StartupEvent;

/**
 * routing's directory answers kept in memory for {@code hotline.notify.directory-cache.ttl}, so an SMS does not
 * cost a round trip to routing per recipient; everything is dropped the moment routing announces a change of its
 * organisation, rosters or catalogue (the announcements its own replicas already hear). Only live answers are kept:
 * a failed call is never cached, and the Redis snapshot stays the fallback.
 */
@ApplicationScoped
public class DirectoryCache {

    private static final Logger LOG = Logger.getLogger(DirectoryCache.class);

    private record Entry(Object value, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    // A load that started before a clear must not put its (possibly stale) answer back after it.
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public DirectoryCache(NotifyConfig config, Clock clock) {
        this(config.directoryCache().ttl(), config.directoryCache().maxEntries(), clock);
    }

    /** A cache of its own (a test's): {@code ttl} 0 keeps nothing. */
    public DirectoryCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    void listen(@Observes StartupEvent event, ReplicaAnnouncements announcements, NotifyConfig config) {
        if (!ttl.isZero()) {
            listenTo(announcements, config.directoryCache().routingChannel());
        }
    }

    /** Drops every answer whenever {@code channel} announces a change. */
    public void listenTo(ReplicaAnnouncements announcements, String channel) {
        announcements.subscribe(channel, what -> {
            LOG.debugf("routing changed %s: directory cache cleared", what);
            clear();
        });
    }

    /** The answer kept under {@code key} while fresh, else {@code load}'s (kept unless it throws). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        if (ttl.isZero()) {
            return load.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return (T) entry.value();
        }
        long before = generation.get();
        T value = load.get();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        if (generation.get() == before) {
            entries.put(key, new Entry(value, now.plus(ttl)));
        }
        return value;
    }

    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
