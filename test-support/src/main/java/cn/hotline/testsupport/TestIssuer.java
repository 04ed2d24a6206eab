package cn.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hotline.devissuer.ServiceClient;
import cn.hotline.devissuer.TokenEndpoint;
import cn.hotline.support.security.Roles;

/**
 * The tests' identity provider for service identities: the dev issuer's token endpoint, signing with the test key
 * pair ({@link TestJwt}), one per test JVM. A service under test gets a client of its own and the
 * {@code quarkus.oidc-client.*} settings that point at it.
 */
public final class TestIssuer {

    private static TokenEndpoint endpoint;

    private TestIssuer() {
    }

    /** The oidc-client settings for {@code clientId}, registered with role {@code service}. */
    public static synchronized Map<String, String> clientConfig(String clientId) {
        String secret = "test-secret-" + clientId;
        endpoint().register(new ServiceClient(clientId, secret, Set.of(Roles.SERVICE)));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc-client.auth-server-url", endpoint().authServerUrl());
        config.put("quarkus.oidc-client.discovery-enabled", "false");
        config.put("quarkus.oidc-client.token-path", TokenEndpoint.TOKEN_PATH);
        config.put("quarkus.oidc-client.client-id", clientId);
        config.put("quarkus.oidc-client.credentials.secret", secret);
        return config;
    }

    /** The running endpoint's {@code auth-server-url}. */
    public static synchronized String authServerUrl() {
        return endpoint().authServerUrl();
    }

    private static TokenEndpoint endpoint() {
        if (endpoint == null) {
            try {
                endpoint = TokenEndpoint.start("127.0.0.1", 0, TestJwt.ISSUER, TestJwt.privateKey(), Duration.ofMinutes(5),
                        List.of());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test token endpoint", e);
            }
            TokenEndpoint started = endpoint;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return endpoint;
    }
}
