package cn.hotline.intake.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;

import cn.hotline.support.problem.Problem;

/**
 * RESTEasy Reactive wraps a JSON syntax error in a bare 400 WebApplicationException; this names the
 * problem and where it is, like the shared mapper does for the exceptions it sees unwrapped.
 */
public class MalformedBodyMapper {

    @ServerExceptionMapper(priority = 1)
    public Response malformed(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (!(e.getCause() instanceof JacksonException cause)) {
            return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
        }
        String where = cause.getLocation() == null ? "" : " at line " + cause.getLocation().getLineNr() + ", column "
                + cause.getLocation().getColumnNr();
        return problem(new Problem("about:blank", "Malformed JSON", 400, "the body is not valid JSON" + where, null,
                List.of(new Problem.FieldError("$", cause.getOriginalMessage())), Map.of()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
