package cn.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import cn.hotline.intake.config.IntakeConfig;

/** Pseudonymous keys (HMAC-SHA256) for phone/ID numbers and other citizen data, so Redis and stored keys never hold them. */
@Singleton
public class CallerKeys {

    private final SecretKeySpec key;

    public CallerKeys(IntakeConfig config) {
        this.key = new SecretKeySpec(config.piiKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String kind, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return kind + ":" + HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
