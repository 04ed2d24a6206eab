package cn.hotline.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import cn.hotline.notify.client.DirectoryCache;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.support.redis.ReplicaAnnouncements;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.MutableClock;
import io.lettuce.core.RedisClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The directory cache: an answer is reused until its time is up, a failure is never kept, and a change routing
 * announces over the real Redis drops everything at once. (The module's other tests run with the cache off.)
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class DirectoryCacheTest {

    @Inject
    ReplicaAnnouncements announcements;

    @Inject
    RedisClient client;

    @Inject
    RedisConnection redis;

    @Test
    void anAnswerIsReusedUntilItsTimeIsUpAndAFailureIsNotKept() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        DirectoryCache cache = new DirectoryCache(Duration.ofSeconds(30), 100, clock);
        AtomicInteger calls = new AtomicInteger();

        assertThat(cache.get("person:p1", () -> "answer " + calls.incrementAndGet())).isEqualTo("answer 1");
        clock.set(clock.instant().plusSeconds(29));
        assertThat(cache.get("person:p1", () -> "answer " + calls.incrementAndGet())).isEqualTo("answer 1");
        clock.set(clock.instant().plusSeconds(2));
        assertThat(cache.get("person:p1", () -> "answer " + calls.incrementAndGet())).as("expired").isEqualTo("answer 2");

        assertThatThrownBy(() -> cache.get("person:p2", () -> {
            throw new IllegalStateException("routing down");
        })).hasMessage("routing down");
        assertThat(cache.get("person:p2", () -> "live")).as("the failure was not kept").isEqualTo("live");

        DirectoryCache off = new DirectoryCache(Duration.ZERO, 100, clock);
        off.get("person:p1", () -> "first");
        assertThat(off.get("person:p1", () -> "second")).as("ttl 0: no cache").isEqualTo("second");
        assertThat(off.size()).isZero();
    }

    @Test
    void aChangeRoutingAnnouncesDropsEveryAnswer() {
        String channel = "hotline:test:routing-refresh:" + UUID.randomUUID();
        DirectoryCache cache = new DirectoryCache(Duration.ofMinutes(10), 100, java.time.Clock.systemUTC());
        cache.listenTo(announcements, channel);
        cache.get("on-duty:330523-ENFORCEMENT", () -> "before the roster import");
        cache.get("person:p1", () -> "before");
        assertThat(cache.size()).isEqualTo(2);

        // routing's replica: another instance of the announcer, as routing's IndexRefresher is.
        new ReplicaAnnouncements(client, redis).announce(channel, "roster");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cache.size() == 0);
        assertThat(cache.get("on-duty:330523-ENFORCEMENT", () -> "after the roster import")).isEqualTo("after the roster import");
    }
}
