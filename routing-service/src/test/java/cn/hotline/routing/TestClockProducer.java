package cn.hotline.routing;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import cn.hotline.testsupport.MutableClock;

/** Tests run on a settable clock: Monday 2026-11-23 10:00 in Shanghai (day shift) unless a test moves it. */
public class TestClockProducer {

    public static final Instant MONDAY_10_SHANGHAI = Instant.parse("2026-11-23T02:00:00Z");

    private static final MutableClock CLOCK = new MutableClock(MONDAY_10_SHANGHAI);

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MutableClock clock() {
        return CLOCK;
    }

    public static MutableClock get() {
        return CLOCK;
    }
}
