package cn.hotline.intake.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import cn.hotline.intake.config.IntakeConfig;

/**
 * Seals caller PII for the database: AES-256-GCM, a random 96-bit IV per value, stored as
 * {@code v1:<keyId>:<base64(iv‖ciphertext‖tag)>}. New values use the current key; any configured key opens.
 */
@Singleton
public class PiiCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public PiiCipher(IntakeConfig config) {
        this(config.pii().keys(), config.pii().currentKey());
    }

    /** Keys by id (base64 of 32 bytes each) and the id new values are sealed with. */
    public PiiCipher(Map<String, String> base64Keys, String currentKey) {
        base64Keys.forEach((id, value) -> {
            byte[] key = Base64.getDecoder().decode(value.trim());
            if (key.length != 32 || id.contains(":")) {
                throw new IllegalArgumentException("hotline.intake.pii.keys." + id + " must be 32 bytes, base64, its id without ':'");
            }
            keys.put(id.toLowerCase(Locale.ROOT), new SecretKeySpec(key, "AES"));
        });
        // Ids are compared without case: a key given as the environment variable HOTLINE_INTAKE_PII_KEYS_K2 may reach
        // the map as K2 or k2, whatever spelling current-key uses.
        this.currentKey = currentKey.toLowerCase(Locale.ROOT);
        if (!keys.containsKey(this.currentKey)) {
            throw new IllegalArgumentException("hotline.intake.pii.current-key " + currentKey + " is not among hotline.intake.pii.keys");
        }
    }

    public String currentKey() {
        return currentKey;
    }

    /** The sealed form of {@code plain} under the current key; null stays null. */
    public String seal(String plain) {
        return plain == null ? null : seal(plain, currentKey);
    }

    /** The sealed form under {@code keyId} (rotation tests, re-sealing). */
    public String seal(String plain, String keyId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(keyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + keyId.toLowerCase(Locale.ROOT) + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain value of a stored one; null stays null. */
    public String open(String stored) {
        // A value without the prefix was written before encryption (V7) and is still plaintext; the re-seal sweep seals it.
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("malformed sealed value");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        try {
            byte[] data = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(keyId), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open a value sealed under key " + keyId, e);
        }
    }

    /** True when {@code stored} is plaintext or sealed under another key than the current one. */
    public boolean stale(String stored) {
        return stored != null && !stored.startsWith(PREFIX + currentKey + ":");
    }

    private SecretKey key(String keyId) {
        SecretKey key = keys.get(keyId.toLowerCase(Locale.ROOT));
        if (key == null) {
            throw new IllegalStateException("PII key " + keyId + " is not configured (hotline.intake.pii.keys." + keyId + ")");
        }
        return key;
    }
}
