package cn.hotline.support.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;

/**
 * Refuses a path or query parameter holding a NUL character with a 400 naming it: PostgreSQL cannot store or compare
 * one (invalid byte sequence 0x00), so it would otherwise fail deep in a query as a 500.
 */
public class NulCharacterFilter {

    @ServerRequestFilter
    public Response refuseNul(ContainerRequestContext request) {
        String field = firstWithNul(request.getUriInfo().getPathParameters());
        if (field == null) {
            field = firstWithNul(request.getUriInfo().getQueryParameters());
        }
        if (field == null) {
            return null;
        }
        Problem problem = ProblemException.badRequest(field, "must not contain a NUL character").problem();
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String firstWithNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            for (String value : entry.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }
}
