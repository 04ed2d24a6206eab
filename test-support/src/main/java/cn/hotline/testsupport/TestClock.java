package cn.hotline.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one clock every service's tests drive: frozen at {@code hotline.test.clock.start} when a module sets it
 * (deadline logic tested without waiting), otherwise the system clock until a test {@link #set}s it; then
 * {@link #advance} moves it and {@link #release} returns it to the system clock.
 */
public class TestClock extends MutableClock {

    private static final TestClock CLOCK = new TestClock();

    private volatile boolean frozen;
    private volatile Duration offset = Duration.ZERO;

    private TestClock() {
        super(Instant.now());
    }

    /** The test JVM's clock, the same instance the services were given. */
    public static TestClock get() {
        return CLOCK;
    }

    /** Freezes the clock at {@code instant}. */
    @Override
    public void set(Instant instant) {
        super.set(instant);
        frozen = true;
    }

    /** Moves a frozen clock; a running one runs on ahead of the system clock by {@code duration} more. */
    @Override
    public void advance(Duration duration) {
        if (frozen) {
            super.set(super.instant().plus(duration));
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Back to the system clock, with no offset. */
    public void release() {
        frozen = false;
        offset = Duration.ZERO;
    }

    /** Back to where the module's configuration starts it: frozen at its start, or the system clock. */
    public void reset() {
        release();
        configuredStart().ifPresent(this::set);
    }

    @Override
    public Instant instant() {
        return frozen ? super.instant() : Instant.now().plus(offset);
    }

    private static Optional<Instant> configuredStart() {
        return ConfigProvider.getConfig().getOptionalValue("hotline.test.clock.start", String.class).map(Instant::parse);
    }

    /** Replaces the service's clock bean in the test JVM (service-support's producer is a default bean). */
    @Alternative
    @Priority(1)
    public static class Producer {

        @Produces
        @Singleton
        TestClock clock() {
            CLOCK.reset();
            return CLOCK;
        }
    }
}
