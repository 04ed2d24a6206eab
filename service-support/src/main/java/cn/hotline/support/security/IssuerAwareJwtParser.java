package cn.hotline.support.security;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens of two issuers: the local dev issuer (smallrye-jwt's own configuration) and the identity
 * provider of {@link IdentityProviderConfig}, chosen by the token's unverified {@code iss} and then fully verified
 * against that issuer's own keys (smallrye-jwt checks one issuer only). A token verified once is remembered until it
 * expires (at most {@link TokenCacheConfig#maxAge()}): a desk or a service sends the same token with every request,
 * and checking its signature each time was a twentieth of intake's and routing's CPU under load.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class IssuerAwareJwtParser implements JWTParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DefaultJWTParser dev;
    private final DefaultJWTParser provider;
    private final String providerIssuer;
    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    public IssuerAwareJwtParser(JWTAuthContextInfo devContext, IdentityProviderConfig config, TokenCacheConfig cache,
            Clock clock) {
        this.dev = new DefaultJWTParser(devContext);
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(cache.maxEntries()).expireAfterWrite(cache.maxAge()).build();
        this.providerIssuer = config.issuer().filter(s -> !s.isBlank()).orElse(null);
        if (providerIssuer == null) {
            this.provider = null;
        } else {
            JWTAuthContextInfo context = new JWTAuthContextInfo(devContext);
            context.setIssuedBy(providerIssuer);
            context.setPublicKeyContent(null);
            context.setPublicVerificationKey(null);
            context.setPublicKeyLocation(config.jwksUrl().orElse(providerIssuer + "/protocol/openid-connect/certs"));
            this.provider = new DefaultJWTParser(context);
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken parsed = parserFor(token).parse(token);
        verified.put(token, parsed);
        return parsed;
    }

    private DefaultJWTParser parserFor(String token) {
        if (provider != null && providerIssuer.equals(unverifiedIssuer(token))) {
            return provider;
        }
        return dev;
    }

    private static String unverifiedIssuer(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            JsonNode iss = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("iss");
            return iss == null ? null : iss.asText();
        } catch (RuntimeException | java.io.IOException malformed) {
            return null; // the dev parser rejects it with its own message
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return dev.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return dev.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return dev.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return dev.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return dev.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return dev.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return dev.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return dev.parseOnly(token);
    }
}
