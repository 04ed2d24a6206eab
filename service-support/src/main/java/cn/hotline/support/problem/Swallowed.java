package cn.hotline.support.problem;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

/**
 * A failure deliberately not passed on (a fallback value serves instead) still leaves a trace: a log line and the
 * counter {@code hotline.errors.swallowed} tagged with where it happened, so a fallback that fires all day shows.
 */
public final class Swallowed {

    private Swallowed() {
    }

    public static void warn(Logger log, String where, Throwable failure) {
        log.warnf("%s failed, carrying on with a fallback: %s", where, failure.toString());
        Metrics.counter("hotline.errors.swallowed", "where", where).increment();
    }

    /** For a periodic task that would otherwise log every few seconds while a dependency is away. */
    public static void quietly(Logger log, String where, Throwable failure) {
        log.debugf("%s failed, carrying on with a fallback: %s", where, failure.toString());
        Metrics.counter("hotline.errors.swallowed", "where", where).increment();
    }
}
