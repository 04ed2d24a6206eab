package cn.hotline.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import cn.hotline.events.InvalidEventException;
import io.vertx.pgclient.PgException;

/** Which consumer failures are waited out and which make a record poison. */
class TransientFailuresTest {

    @Test
    void unreachableDatabaseAndLockConflictsAreTransient() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("deadlock detected", "ERROR", "40P01", null))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Pool closed"))).isTrue();
    }

    @Test
    void badDataIsNotTransient() {
        assertThat(TransientFailures.isTransient(new InvalidEventException("no ce_id"))).isFalse();
        assertThat(TransientFailures.isTransient(new PgException("value too long", "ERROR", "22001", null))).isFalse();
        assertThat(TransientFailures.isTransient(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("unknown unit"))).isFalse();
    }
}
