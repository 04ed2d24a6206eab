package cn.hotline.support.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} (declared by Content-Length) with a 413
 * problem+json before Vert.x would answer it with an empty 413.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBody;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "64K") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        // Before every Quarkus route, including its own body-size check.
        router.route().order(Integer.MIN_VALUE + 10).handler(this::limit).failureHandler(this::failed);
    }

    /** A body that turns out too large while streaming (no Content-Length) fails the route with 413. */
    void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            tooLarge(context);
            return;
        }
        context.next();
    }

    void limit(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && tooLarge(declared)) {
            tooLarge(context);
            return;
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        context.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close")
                .end("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                        + "\"detail\":\"the body exceeds the limit of " + maxBody + " bytes\","
                        + "\"errors\":[{\"field\":\"$\",\"message\":\"body larger than " + maxBody + " bytes\"}]}");
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
