package cn.hotline.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import cn.hotline.testsupport.MutableClock;

/**
 * The service's clock in tests: the system clock until a test freezes it ({@link #set}); tests that wait in
 * real time (the urgent-ticket test) leave it running, the others freeze and {@link #release} it.
 */
public class TestClock extends MutableClock {

    private volatile boolean frozen;

    public TestClock() {
        super(Instant.now());
    }

    @Override
    public void set(Instant instant) {
        super.set(instant);
        frozen = true;
    }

    @Override
    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    /** Back to the system clock. */
    public void release() {
        frozen = false;
    }

    @Override
    public Instant instant() {
        return frozen ? super.instant() : Instant.now();
    }

    /** Replaces the system clock bean in the test JVM. */
    public static class Producer {

        static final TestClock CLOCK = new TestClock();

        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return CLOCK;
        }

        @Produces
        @Singleton
        TestClock testClock() {
            return CLOCK;
        }
    }
}
