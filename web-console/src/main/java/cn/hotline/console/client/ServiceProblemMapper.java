package cn.hotline.console.client;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a service's problem+json (any status ≥ 400) into a {@link ServiceProblem}. */
public class ServiceProblemMapper implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceProblem toThrowable(Response response) {
        String title = "HTTP " + response.getStatus();
        String detail = null;
        String reason = null;
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        try {
            String body = response.readEntity(String.class);
            JsonNode problem = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (problem != null) {
                title = problem.path("title").asText(title);
                detail = problem.path("detail").isMissingNode() ? null : problem.path("detail").asText();
                reason = problem.path("reason").isTextual() ? problem.path("reason").asText() : null;
                for (JsonNode e : problem.path("errors")) {
                    errors.add(new ServiceProblem.FieldError(e.path("field").asText(), e.path("message").asText()));
                }
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // keep the status line as the title
        }
        return new ServiceProblem(response.getStatus(), title, detail, errors, reason);
    }
}
