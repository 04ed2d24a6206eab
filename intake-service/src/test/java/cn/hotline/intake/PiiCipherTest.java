package cn.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.intake.service.CallerKeys;
import cn.hotline.intake.service.PiiCipher;

/** The sealed form, key rotation, plaintext from before V7, tampering, and phone normalisation — no application needed. */
class PiiCipherTest {

    private static final Map<String, String> KEYS = Map.of("a", "LdOeGqqtqvPYsLrK66cMdvJ4OBEyVVQ/B7xcMxnJjeI=",
            "b", "7SKbG//eAXS75/W0BOAN6LRB/SE1sm3Ecxrrqp2mclA=");

    @Test
    void aValueSealedUnderOneKeyOpensAfterTheCurrentKeyMoved() {
        PiiCipher underA = new PiiCipher(KEYS, "a");
        PiiCipher underB = new PiiCipher(KEYS, "b");
        String sealed = underA.seal("13912345678");
        assertThat(sealed).startsWith("v1:a:").doesNotContain("13912345678");
        assertThat(underA.seal("13912345678")).as("a random IV per value").isNotEqualTo(sealed);
        assertThat(underB.open(sealed)).isEqualTo("13912345678");
        assertThat(underB.stale(sealed)).isTrue();
        assertThat(underB.stale(underB.seal("x"))).isFalse();
        assertThat(underB.open("13912345678")).as("plaintext from before V7").isEqualTo("13912345678");
        assertThat(underB.stale("13912345678")).isTrue();
        assertThat(underB.seal(null)).isNull();
        assertThat(underB.open(null)).isNull();
    }

    @Test
    void keyIdsAreComparedWithoutCase() {
        // An environment variable HOTLINE_INTAKE_PII_KEYS_K2 may reach the map as K2 while current-key says k2.
        PiiCipher upper = new PiiCipher(Map.of("K2", "LdOeGqqtqvPYsLrK66cMdvJ4OBEyVVQ/B7xcMxnJjeI="), "k2");
        String sealed = upper.seal("13800138000");
        assertThat(sealed).startsWith("v1:k2:");
        assertThat(new PiiCipher(Map.of("k2", "LdOeGqqtqvPYsLrK66cMdvJ4OBEyVVQ/B7xcMxnJjeI="), "K2").open(sealed))
                .isEqualTo("13800138000");
    }

    @Test
    void aTamperedOrUnknownKeyValueIsRefused() {
        PiiCipher cipher = new PiiCipher(KEYS, "a");
        String sealed = cipher.seal("张三");
        int at = "v1:a:".length() + 20; // inside the ciphertext, past the 16 base64 characters of the IV
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("v1:c:" + sealed.substring(5))).hasMessageContaining("not configured");
        assertThatThrownBy(() -> new PiiCipher(KEYS, "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiiCipher(Map.of("short", "AAAA"), "short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phonesAreNormalisedBeforeTheyAreKeyed() {
        assertThat(CallerKeys.normalisePhone("+86 139-1234-5678")).isEqualTo("13912345678");
        assertThat(CallerKeys.normalisePhone("0086 13912345678")).isEqualTo("13912345678");
        assertThat(CallerKeys.normalisePhone("0572-2345678")).isEqualTo("05722345678");
    }
}
