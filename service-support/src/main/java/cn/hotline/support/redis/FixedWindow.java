package cn.hotline.support.redis;

import java.time.Duration;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * A fixed-window counter in Redis, shared by every replica: one slot taken under {@code key} in the window that
 * holds {@code nowMillis}. The window's key expires after two windows, so a crash between the two calls leaves
 * nothing behind for long.
 */
public record FixedWindow(long count, long endsAtMillis) {

    public static FixedWindow take(RedisCommands<String, String> commands, String key, Duration window, long nowMillis) {
        long length = window.toMillis();
        long index = nowMillis / length;
        String slot = key + ":" + index;
        long count = commands.incr(slot);
        if (count == 1) {
            commands.pexpire(slot, length * 2);
        }
        return new FixedWindow(count, (index + 1) * length);
    }
}
