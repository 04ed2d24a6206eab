package cn.hotline.intake.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.hotline.support.problem.Problem;

/** Two writers met on one ticket (@Version): the loser gets a 409 to retry, not a 500. */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper(priority = 1)
    public Response stale(StaleStateException e) {
        return conflict();
    }

    @ServerExceptionMapper(priority = 1)
    public Response optimistic(OptimisticLockException e) {
        return conflict();
    }

    private static Response conflict() {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "Conflict", "the ticket was changed at the same moment by someone else; read it again and retry"))
                .build();
    }
}
