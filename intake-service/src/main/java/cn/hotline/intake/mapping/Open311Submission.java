package cn.hotline.intake.mapping;

import java.math.BigDecimal;
import java.text.Normalizer;

/** One Open311 POST requests.json form, as sent (validated by the resource), and its canonical form for idempotency. */
public record Open311Submission(String apiKey, String serviceCode, Double lat, Double lon, String address, String description,
        String email, String firstName, String lastName, String phone, String mediaUrl) {

    /**
     * The request content as one string that ignores field order, blank-versus-absent, Unicode composition and
     * whitespace runs (a client's retry may re-encode the form), and keeps every field that makes it another request.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        field(text, "api_key", apiKey);
        field(text, "service_code", serviceCode);
        field(text, "lat", lat == null ? null : BigDecimal.valueOf(lat).stripTrailingZeros().toPlainString());
        field(text, "long", lon == null ? null : BigDecimal.valueOf(lon).stripTrailingZeros().toPlainString());
        field(text, "address_string", address);
        field(text, "description", description);
        field(text, "email", email);
        field(text, "first_name", firstName);
        field(text, "last_name", lastName);
        field(text, "phone", phone);
        field(text, "media_url", mediaUrl);
        return text.toString();
    }

    private static void field(StringBuilder text, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        // Collapsing whitespace removes every line break, so "name=value\n" lines cannot run into each other.
        String normal = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("(?U)\\s+", " ");
        text.append(name).append('=').append(normal).append('\n');
    }
}
