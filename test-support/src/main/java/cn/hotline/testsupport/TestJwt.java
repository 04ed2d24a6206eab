package cn.hotline.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HashSet;

import cn.hotline.devissuer.DevKeyPair;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Test tokens: a key pair made once per test JVM (files whose paths live in system properties, so the
 * test resource and the test classes see the same keys whatever class loader they run in).
 */
public final class TestJwt {

    public static final String ISSUER = "hotline-local";
    private static final String PRIVATE_KEY_PROPERTY = "hotline.test.jwt.private-key";
    private static final String PUBLIC_KEY_PROPERTY = "hotline.test.jwt.public-key";

    private TestJwt() {
    }

    /** Path of the PEM public key the services under test verify tokens with. */
    public static synchronized String publicKeyPath() {
        if (System.getProperty(PUBLIC_KEY_PROPERTY) == null) {
            generate();
        }
        return System.getProperty(PUBLIC_KEY_PROPERTY);
    }

    /** Path of the PEM (PKCS#8) private key the test tokens are signed with. */
    public static synchronized String privateKeyPath() {
        publicKeyPath();
        return System.getProperty(PRIVATE_KEY_PROPERTY);
    }

    /** A bearer token for {@code subject} with {@code roles}, and a {@code unit} claim when unit is not null. */
    public static String token(String subject, String unit, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject)
                .groups(new HashSet<>(Arrays.asList(roles))).expiresIn(3600);
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return claims.sign(privateKey());
    }

    /** A desk token ({@code role}) kept to {@code territory}, a county or town code (the {@code territory} claim). */
    public static String inTerritory(String role, String territory) {
        return Jwt.issuer(ISSUER).subject("test-" + role + "-" + territory).upn("test-" + role + "-" + territory)
                .groups(new HashSet<>(Arrays.asList(role))).claim("territory", territory).expiresIn(3600).sign(privateKey());
    }

    /** A token with one role and a subject named after it. */
    public static String token(String role) {
        return token("test-" + role, null, role);
    }

    /** A handler's token for {@code unitCode}. */
    public static String handler(String subject, String unitCode) {
        return token(subject, unitCode, "handler");
    }

    /** A token for {@code role} that expired an hour ago (signed by the test key, issuer trusted). */
    public static String expired(String role) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject("test-expired-" + role).upn("test-expired-" + role)
                .groups(new HashSet<>(Arrays.asList(role))).issuedAt(now - 7200).expiresAt(now - 3600).sign(privateKey());
    }

    /** A token for {@code role} from an issuer the services do not trust, signed with the trusted test key. */
    public static String otherIssuer(String role) {
        return Jwt.issuer("https://issuer.elsewhere.example/realms/other").subject("test-foreign-" + role)
                .upn("test-foreign-" + role).groups(new HashSet<>(Arrays.asList(role))).expiresIn(3600).sign(privateKey());
    }

    /** {@code token} with one character of its signature changed, everything else intact. */
    public static String tampered(String token) {
        int at = token.lastIndexOf('.') + 1 + 10;
        char swapped = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + swapped + token.substring(at + 1);
    }

    /** The test key pair's private key (the test issuer's token endpoint signs with it too). */
    static PrivateKey privateKey() {
        return keys().privateKey();
    }

    private static DevKeyPair keys() {
        return new DevKeyPair(Path.of(privateKeyPath()), Path.of(publicKeyPath()));
    }

    private static void generate() {
        try {
            Path dir = Files.createTempDirectory("hotline-test-jwt");
            DevKeyPair pair = DevKeyPair.in(dir);
            pair.privateKeyFile().toFile().deleteOnExit();
            pair.publicKeyFile().toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.setProperty(PRIVATE_KEY_PROPERTY, pair.privateKeyFile().toString());
            System.setProperty(PUBLIC_KEY_PROPERTY, pair.publicKeyFile().toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the test key pair", e);
        }
    }
}
