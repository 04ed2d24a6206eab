package cn.hotline.support.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * A second token issuer the services accept beside the local dev issuer ({@code mp.jwt.verify.issuer}): the
 * identity provider people sign in with (the local Keycloak realm {@code hotline}). Unset: only the dev issuer.
 * With it set, also set {@code quarkus.smallrye-jwt.blocking-authentication=true}: its JWKS is downloaded by a
 * blocking client, which must not run on the event loop (deploy/local does).
 */
@ConfigMapping(prefix = "hotline.auth.idp")
public interface IdentityProviderConfig {

    /** The provider's {@code iss}, e.g. {@code http://127.0.0.1:8180/realms/hotline}. */
    Optional<String> issuer();

    /** Its JWKS; default {@code <issuer>/protocol/openid-connect/certs} (Keycloak's layout). */
    Optional<String> jwksUrl();
}
