package cn.hotline.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The values of the hostile-input corpus, and the harmless ones that fill the rest of a request around them. */
final class HostileValues {

    /** 1 MiB of text. */
    static final String MEBIBYTE = "A".repeat(1 << 20);
    /** Values that must stay text wherever a string goes. */
    static final List<String> PAYLOADS = List.of("'; DROP TABLE ticket; --", "' OR '1'='1",
            "<script>alert(1)</script>", "\u0000\u0001\u0007\u001b[2J\r\n\t", "\u202e\ufeff\uffff");
    /** Raw JSON values of the wrong type or out of range for any property. */
    static final List<String> WRONG_JSON = List.of("12345", "-1", "true", "{}", "[]", "\"text\"", "null",
            "1e400", "-99999999999999999999999999999", "1.5", "NaN", "Infinity", "-Infinity");
    /** Already URL-encoded values for path and query parameters. */
    static final List<String> PARAMETERS = List.of("..%2F..%2Fetc%2Fpasswd", "..%2F..%2F..%2F",
            "%27%3B%20DROP%20TABLE%20ticket%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%00%01%1B", "%FF%FE",
            "-1", "99999999999999999999999999", "NaN", "x".repeat(2000));
    /** A JSON object whose string holds bytes that are not UTF-8 (a lone continuation, 0xFF, an encoded surrogate). */
    static final byte[] INVALID_UTF8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
            (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

    private HostileValues() {
    }

    /** A JSON value of the property's type that names nothing stored. */
    static String harmlessJson(String name, RequestShape.Property property) {
        if (!property.allowed().isEmpty()) {
            return quote(property.allowed().get(0));
        }
        String type = property.type() == null ? "string" : property.type();
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            case "array" -> "[]";
            case "object" -> "{}";
            default -> quote(harmlessText(name, property));
        };
    }

    /** A text value of the property's type and format that names nothing stored. */
    static String harmlessText(String name, RequestShape.Property property) {
        if (!property.allowed().isEmpty()) {
            return property.allowed().get(0);
        }
        if ("uuid".equals(property.format()) || name.equals("id") || name.endsWith("Id")) {
            return UUID.randomUUID().toString();
        }
        if ("date-time".equals(property.format())) {
            return "2026-01-05T09:00:00Z";
        }
        if ("date".equals(property.format())) {
            return "2026-01-05";
        }
        return "integer".equals(property.type()) || "number".equals(property.type()) ? "1" : "corpus";
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    static String object(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String encodeForm(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
    }
}
