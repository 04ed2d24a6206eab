package cn.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

/** The citizen's progress-link tokens: 128 random bits as 22 URL-safe characters; only their SHA-256 is stored. */
@Singleton
public class ProgressTokens {

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{22}$");

    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether {@code token} has the shape {@link #newToken()} gives (checked before any database read). */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
