package cn.hotline.console.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.console.config.ConsoleConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a POST, PUT, PATCH or DELETE to the console that another site's page sent (CSRF), with a 403
 * problem+json saying why; the console's own forms, htmx requests and the field page's photo upload pass.
 */
@ApplicationScoped
public class SameOriginGuard {

    private static final Logger LOG = Logger.getLogger(SameOriginGuard.class);

    private final OriginCheck check;

    public SameOriginGuard(ConsoleConfig config) {
        this.check = new OriginCheck(Set.of(config.publicUrl()));
    }

    void register(@Observes Router router) {
        // OWASP's origin verification (Sec-Fetch-Site, Origin/Referer) plus SameSite=Lax session cookies, instead of
        // tokens in every form: quarkus-rest-csrf does not resolve for this Quarkus, and every form here is same-origin.
        router.route().order(Integer.MIN_VALUE + 20).handler(this::guard);
    }

    void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        // The authority, not the Host header: an HTTP/2 request carries it as :authority.
        String requestOrigin = request.authority() == null ? null : request.scheme() + "://" + request.authority();
        Optional<String> refusal = check.refusal(request.method().name(), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"), request.getHeader("Referer"), requestOrigin);
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        LOG.warnf("refused %s %s: %s", request.method(), request.path(), refusal.get());
        context.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                        + refusal.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
