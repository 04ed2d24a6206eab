package cn.hotline.support.redis;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The service's shared Redis connection, opened on first use (so a service starts while Redis is down)
 * and reconnected by Lettuce after that.
 */
@Singleton
public class RedisConnection {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    public RedisConnection(RedisClient client) {
        this.client = client;
    }

    public StatefulRedisConnection<String, String> get() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                current = connection;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
