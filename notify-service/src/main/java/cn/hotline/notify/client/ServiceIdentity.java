package cn.hotline.notify.client;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * notify-service's own identity for its calls to routing and intake: a client-credentials token from the identity
 * provider ({@code quarkus.oidc-client.*}: Keycloak's {@code notify-service} client, or the dev issuer), kept until its
 * refresh interval. notify holds no signing key; on an SMS reply it calls routing as itself, naming the handler.
 */
@ApplicationScoped
public class ServiceIdentity {

    private final OidcClient client;
    private final NotifyConfig config;
    private final AtomicReference<Tokens> tokens = new AtomicReference<>();

    public ServiceIdentity(OidcClient client, NotifyConfig config) {
        this.client = client;
        this.config = config;
    }

    /** {@code Bearer …}; blocks (callers are on worker threads) for at most {@code hotline.notify.identity.timeout}. */
    public String bearer() {
        Tokens current = tokens.get();
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = client.getTokens().await().atMost(config.identity().timeout());
            tokens.set(current);
        }
        return "Bearer " + current.getAccessToken();
    }
}
