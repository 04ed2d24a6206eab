package cn.hotline.notify;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import cn.hotline.testsupport.MutableClock;

/** The clock every test drives: a weekday 10:00 in Asia/Shanghai unless a test moves it. */
public class TestClock {

    /** Monday 2026-11-23 10:00 Asia/Shanghai: outside quiet hours. */
    public static final Instant DAYTIME = Instant.parse("2026-11-23T02:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(DAYTIME);

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
