package cn.hotline.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/** A failure the client did not cause and can retry is a 503 with Retry-After; anything else unknown a 500. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDatabaseThatIsFullOrAwayIsServiceUnavailable() {
        Response response = mappers.unexpected(new RuntimeException(new PgException("sorry, too many clients already", "FATAL", "53300", null)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Service temporarily unavailable");
    }

    /** A lost @Version race in any service is the person's 409 (it was a 503, as if the database were away). */
    @Test
    void aLostOptimisticLockRaceIsAConflict() {
        Response response = mappers.unexpected(new RuntimeException(new jakarta.persistence.OptimisticLockException("row was updated")));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Conflict");
        assertThat(mappers.unexpected(new org.hibernate.StaleObjectStateException("Dispatch", "1")).getStatus()).isEqualTo(409);
    }

    @Test
    void anUnknownFailureIsAnInternalError() {
        Response response = mappers.unexpected(new IllegalStateException("a bug"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
