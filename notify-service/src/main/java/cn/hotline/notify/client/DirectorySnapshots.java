package cn.hotline.notify.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.support.redis.RedisConnection;

/** The last directory answers, kept in Redis so recipients can still be resolved while routing is unreachable. */
@ApplicationScoped
public class DirectorySnapshots {

    private static final Logger LOG = Logger.getLogger(DirectorySnapshots.class);
    private static final String PREFIX = "notify:directory:";

    private final RedisConnection redis;
    private final ObjectMapper json;

    public DirectorySnapshots(RedisConnection redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public <T> T remember(String key, T value) {
        try {
            redis.get().sync().set(PREFIX + key, json.writeValueAsString(value));
        } catch (Exception e) {
            // A missing snapshot only matters if routing is down later; never fail the live answer for it.
            LOG.debugf("directory snapshot %s not stored: %s", key, e.toString());
        }
        return value;
    }

    public <T> T recall(String key, TypeReference<T> type) {
        String stored;
        try {
            stored = redis.get().sync().get(PREFIX + key);
        } catch (Exception e) {
            throw new DirectoryUnavailableException("routing unreachable and Redis snapshot unreadable: " + e.getMessage());
        }
        if (stored == null) {
            throw new DirectoryUnavailableException("routing unreachable and no snapshot for " + key);
        }
        try {
            LOG.infof("directory answer for %s served from the Redis snapshot", key);
            return json.readValue(stored, type);
        } catch (Exception e) {
            throw new DirectoryUnavailableException("snapshot " + key + " unreadable");
        }
    }

    /** Neither routing nor a snapshot could answer. */
    public static class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message) {
            super(message);
        }
    }
}
