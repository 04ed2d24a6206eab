package cn.hotline.support.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;

/** The one place that creates the Lettuce client, from {@link RedisConfig}. */
@ApplicationScoped
public class RedisProducer {

    @Produces
    @Singleton
    RedisClient client(RedisConfig config) {
        RedisClient client = RedisClient.create(RedisURI.create(config.uri()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail fast while Redis is away instead of queueing commands without bound.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .build());
        return client;
    }

    void close(@Disposes RedisClient client) {
        client.shutdown();
    }
}
