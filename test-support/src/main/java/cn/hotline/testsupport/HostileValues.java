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
    /** Broken and abusive iCalendar documents (a holiday notice import), by what is wrong with them. */
    static final Map<String, String> ICALENDAR = orderedPairs(
            "not closed", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261001\r\nSUMMARY:国庆节(休)\r\n",
            "impossible date", calendar("DTSTART;VALUE=DATE:20261345\r\nDTEND;VALUE=DATE:20261346\r\nSUMMARY:国庆节(休)"),
            "no DTSTART", calendar("SUMMARY:国庆节(休)"),
            "DTEND before DTSTART", calendar("DTSTART;VALUE=DATE:20261008\r\nDTEND;VALUE=DATE:20261001\r\nSUMMARY:国庆节(休)"),
            "ten years off", calendar("DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20360101\r\nSUMMARY:长假(休)"),
            "year 99999", calendar("DTSTART;VALUE=DATE:999991231\r\nSUMMARY:远方(休)"),
            "year 0000", calendar("DTSTART;VALUE=DATE:00000101\r\nSUMMARY:元年(休)"),
            "unknown time zone", calendar("DTSTART;TZID=Mars/Olympus:20261001T080000\r\nSUMMARY:火星(休)"),
            "endless recurrence", calendar("DTSTART;VALUE=DATE:20261001\r\nRRULE:FREQ=SECONDLY;INTERVAL=1\r\nSUMMARY:每秒(休)"),
            "ten thousand nested events", "BEGIN:VCALENDAR\r\n" + "BEGIN:VEVENT\r\n".repeat(10_000) + "END:VCALENDAR\r\n",
            "script in SUMMARY", calendar("DTSTART;VALUE=DATE:20261001\r\nSUMMARY:<script>alert(1)</script>'; DROP TABLE sla_timer; --"),
            "a folded line of 1 MiB", calendar("DTSTART;VALUE=DATE:20261001\r\nSUMMARY:" + "A".repeat(74).concat("\r\n ").repeat(14_000)));
    /** Broken and abusive CSV documents (roster and division imports), by what is wrong with them. */
    static final Map<String, String> CSV = orderedPairs(
            "header only, of another import", "a,b,c\n",
            "unterminated quote", "type,unitCode,personId,from,to,starts,ends,toPersonId,reason,roster\nSHIFT,\"U1,p1,2026-12-01\n",
            "too few columns", "code,name,level,parent_code\n330599,某镇\n",
            "too many columns", "code,name,level,parent_code,x,y\n330599001,某镇,TOWN,330599,1,2\n",
            "formula injection", "code,name,level,parent_code\n=cmd|' /C calc'!A0,=HYPERLINK(\"x\"),TOWN,330523\n",
            "impossible dates and times", "type,unitCode,personId,from,to,starts,ends,toPersonId,reason,roster\n"
                    + "SHIFT,U-NOPE,p-nope,2026-02-30,2026-13-01,25:00,99:99,,,\n",
            "negative and huge numbers", "code,name,level,parent_code\n-1,负,TOWN,99999999999999999999999\n",
            "BOM, CRLF and NUL", "\ufeffcode,name,level,parent_code\r\n3305\u0000,x,CITY,\r\n",
            "100,000 empty lines", "\n".repeat(100_000),
            "ten thousand quotes", "\"".repeat(10_000));

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

    private static String calendar(String event) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//corpus//ZH\r\nBEGIN:VEVENT\r\nUID:hostile@corpus\r\n"
                + "DTSTAMP:20261201T000000Z\r\n" + event + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static Map<String, String> orderedPairs(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
