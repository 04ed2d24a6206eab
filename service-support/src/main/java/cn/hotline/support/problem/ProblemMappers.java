package cn.hotline.support.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import cn.hotline.support.inbox.TransientFailures;

/** Every error leaves a service as RFC 7807 problem+json; client mistakes are 4xx naming the field, never 5xx. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(ProblemException.invalid(errors).problem());
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        String message = "value '" + e.getValue() + "' is not valid";
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            message += "; allowed: " + java.util.Arrays.toString(target.getEnumConstants());
        }
        return field(e, message);
    }

    @ServerExceptionMapper(priority = 1)
    public Response valueInstantiation(ValueInstantiationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return field(e, cause.getMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        return field(e, "expected " + target + ": " + e.getOriginalMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response databind(JsonMappingException e) {
        return field(e, e.getOriginalMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e) {
        return malformed(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(StreamReadException e) {
        return malformed(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jackson(JacksonException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // RESTEasy Reactive wraps a JSON syntax error (and a value a @JsonCreator refused) in a bare 400; name it like
        // the unwrapped ones: a refused value by its field.
        if (e.getCause() instanceof ValueInstantiationException cause && !cause.getPath().isEmpty()) {
            return valueInstantiation(cause);
        }
        if (e.getCause() instanceof JacksonException cause) {
            return malformed(cause);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        if (ConcurrentChanges.lostRace(e)) {
            // Two writers met on one row (@Version): the loser's request changed nothing and may be retried on fresh
            // state — a 409 for the person, not a 503 as if the database were away.
            return respond(Problem.of(409, "Conflict", "changed at the same moment by someone else; read it again and retry"));
        }
        if (TransientFailures.isTransient(e)) {
            // The database is away, full or in a conflict: nothing was stored, and the same request can be retried.
            LOG.warnf("temporarily unavailable, reference %s: %s", reference, e.toString());
            Problem problem = new Problem("about:blank", "Service temporarily unavailable", 503,
                    "try again shortly; reference " + reference, null, List.of(), Map.of());
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem).header("Retry-After", "1").build();
        }
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return respond(new Problem("about:blank", "Internal error", 500,
                "the request could not be completed; reference " + reference, null, List.of(), Map.of()));
    }

    private static Response malformed(JacksonException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return respond(new Problem("about:blank", "Malformed JSON", 400, "the body is not valid JSON" + where, null,
                List.of(new Problem.FieldError("$", e.getOriginalMessage())), Map.of()));
    }

    private static Response field(JsonMappingException e, String message) {
        return respond(ProblemException.badRequest(pathOf(e), message).problem());
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    static String fieldOf(Path propertyPath) {
        List<Path.Node> nodes = new ArrayList<>();
        propertyPath.forEach(nodes::add);
        int parameter = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                parameter = i;
            }
        }
        // A query or path parameter is the field itself; for a request body the body's own name says
        // nothing to the client, so the path starts at its properties.
        if (parameter >= 0 && parameter == nodes.size() - 1) {
            return nodes.get(parameter).getName();
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes.subList(parameter + 1, nodes.size())) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? "$" : field.toString();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
