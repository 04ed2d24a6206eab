package cn.hotline.support.rest;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.support.redis.FixedWindow;
import cn.hotline.support.redis.RedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A per-client fixed-window limit on the public, unauthenticated surfaces (Open311, the citizen's progress
 * lookup): the count lives in Redis, so every replica shares it; over the limit a client gets 429 with
 * {@code Retry-After}. The client is the remote address, which Quarkus takes from {@code X-Forwarded-For}
 * when {@code quarkus.http.proxy.proxy-address-forwarding} is on (behind an ingress).
 */
@ApplicationScoped
public class PublicRateLimit {

    private static final Logger LOG = Logger.getLogger(PublicRateLimit.class);

    private final PublicRateLimitConfig config;
    private final RedisConnection redis;
    private final Clock clock;
    private final Counter limited;
    private final Counter unavailable;

    public PublicRateLimit(PublicRateLimitConfig config, RedisConnection redis, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.redis = redis;
        this.clock = clock;
        this.limited = registry.counter("hotline.public.rate-limited");
        this.unavailable = registry.counter("hotline.public.rate-limit.unavailable");
    }

    void register(@Observes Router router) {
        List<String> paths = config.paths().orElse(List.of());
        if (!paths.isEmpty()) {
            // After the body-size check, before every Quarkus route (so a refused request costs no work).
            router.route().order(Integer.MIN_VALUE + 20).handler(context -> limit(context, paths));
        }
    }

    private void limit(RoutingContext context, List<String> paths) {
        // Matrix parameters (";x") are dropped by JAX-RS routing, so they must not dodge the prefix either.
        String path = context.normalizedPath().replaceAll(";[^/]*", "");
        String prefix = paths.stream().filter(path::startsWith).findFirst().orElse(null);
        if (prefix == null) {
            context.next();
            return;
        }
        String client = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        long now = clock.millis();
        String key = "public-rate:" + prefix + ":" + client;
        // Redis calls block: they run on a worker, never on the event loop (a Redis outage must not stall it).
        context.vertx().<FixedWindow>executeBlocking(() -> FixedWindow.take(redis.get().sync(), key, config.window(), now), false)
                .onComplete(result -> {
                    if (result.failed()) {
                        // Fail open: citizens keep being served while Redis is away; the counter shows it.
                        unavailable.increment();
                        LOG.debugf("public rate limit unavailable (%s); letting %s through", result.cause().getMessage(), path);
                        context.next();
                    } else if (result.result().count() > config.max()) {
                        refuse(context, Math.max(1, (result.result().endsAtMillis() - now + 999) / 1000));
                    } else {
                        context.next();
                    }
                });
    }

    private void refuse(RoutingContext context, long retryAfter) {
        limited.increment();
        context.response().setStatusCode(429).putHeader("Content-Type", "application/problem+json")
                .putHeader("Retry-After", Long.toString(retryAfter))
                .end("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
                        + "\"detail\":\"more than " + config.max() + " requests in " + config.window().toSeconds()
                        + " s from this client; try again in " + retryAfter + " s\"}");
    }
}
