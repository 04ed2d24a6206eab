package cn.hotline.stack.bench;

import java.util.concurrent.atomic.AtomicLong;

/** One ticket the generator made, from the moment it was meant to be sent to its first dispatch. */
final class TrackedTicket {

    final long intendedMs;
    final int second;
    final boolean measured;
    final AtomicLong createdMs = new AtomicLong(-1);
    final AtomicLong dispatchedMs = new AtomicLong(-1);

    /** {@code second}: of the step, when it was meant to be sent; {@code measured}: sent within the window. */
    TrackedTicket(long intendedMs, int second, boolean measured) {
        this.intendedMs = intendedMs;
        this.second = second;
        this.measured = measured;
    }

    boolean undispatched() {
        return measured && dispatchedMs.get() < 0;
    }
}
