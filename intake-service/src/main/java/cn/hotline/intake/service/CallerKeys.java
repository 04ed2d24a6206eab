package cn.hotline.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import cn.hotline.intake.config.IntakeConfig;

/**
 * Pseudonymous keys (HMAC-SHA256) for phone/ID numbers and other citizen data, so Redis, stored keys and the ticket's
 * search columns ({@code caller_phone_hmac}, {@code caller_id_hmac}) never hold them.
 */
@Singleton
public class CallerKeys {

    /** The kinds RepeatComplainants' Redis counters, the opt-out list and the ticket's search columns share. */
    public static final String PHONE = "p";
    public static final String ID_NUMBER = "i";

    private final SecretKeySpec key;

    public CallerKeys(IntakeConfig config) {
        this.key = new SecretKeySpec(config.piiKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The search key of a phone number, normalised (no spaces or dashes, no +86/0086), or null. */
    public String phone(String phone) {
        return phone == null ? null : of(PHONE, normalisePhone(phone));
    }

    /** The search key of an ID number (no spaces, upper-case check letter), or null. */
    public String idNumber(String idNumber) {
        return idNumber == null ? null : of(ID_NUMBER, idNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
    }

    public static String normalisePhone(String phone) {
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            return digits.substring(3);
        }
        return digits.startsWith("0086") ? digits.substring(4) : digits;
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
