package cn.hotline.console.service;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * The console's own token (client credentials of the {@code web-console} client) for the one page that has no
 * signed-in person: the field staff's link page reads its own dispatch's ticket (masked) and timers with it.
 */
@ApplicationScoped
public class ServiceIdentity {

    private final OidcClient client;
    private final AtomicReference<Tokens> tokens = new AtomicReference<>();

    public ServiceIdentity(OidcClient client) {
        this.client = client;
    }

    public Uni<String> bearer() {
        Tokens current = tokens.get();
        if (current != null && !current.isAccessTokenWithinRefreshInterval() && !current.isAccessTokenExpired()) {
            return Uni.createFrom().item("Bearer " + current.getAccessToken());
        }
        return client.getTokens().map(fresh -> {
            tokens.set(fresh);
            return "Bearer " + fresh.getAccessToken();
        });
    }
}
