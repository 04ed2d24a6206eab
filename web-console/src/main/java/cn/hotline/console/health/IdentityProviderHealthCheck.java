package cn.hotline.console.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the identity provider answers: without it nobody can sign in and no field page can read its ticket. */
@Readiness
@ApplicationScoped
public class IdentityProviderHealthCheck implements HealthCheck {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;

    public IdentityProviderHealthCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.discovery = URI.create(issuer + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int status = client.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return HealthCheckResponse.named("identity-provider").status(status == 200).withData("url", discovery.toString())
                    .withData("status", status).build();
        } catch (java.io.IOException e) {
            return HealthCheckResponse.named("identity-provider").down().withData("url", discovery.toString())
                    .withData("error", e.toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("identity-provider").down().build();
        }
    }
}
