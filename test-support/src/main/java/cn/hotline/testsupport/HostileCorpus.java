package cn.hotline.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The hostile inputs for one operation: each body property given wrong types, extremes and payloads (the rest of the
 * body harmless), required fields left out, unknown and duplicate keys, broken documents, wrong content types, and
 * each path and query parameter given traversal, payloads and overlong values.
 */
public final class HostileCorpus {

    private final ApiOperation operation;
    private final RequestShape shape;
    private final Map<String, String> formExtras;
    private final List<HostileCase> cases = new ArrayList<>();

    private HostileCorpus(ApiOperation operation, RequestShape shape, Map<String, String> formExtras) {
        this.operation = operation;
        this.shape = shape;
        this.formExtras = formExtras;
    }

    /** Every hostile case for {@code operation}; form extras (an API key) go with every form body. */
    public static List<HostileCase> of(ApiOperation operation, RequestShape shape, Map<String, String> formExtras) {
        HostileCorpus corpus = new HostileCorpus(operation, shape, formExtras);
        corpus.parameters();
        String type = operation.mediaType();
        if (type != null && type.contains("json")) {
            corpus.json();
        } else if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            corpus.form();
        } else if (type != null) {
            corpus.opaque(type);
        }
        return corpus.cases;
    }

    private void parameters() {
        for (ApiOperation.Parameter parameter : operation.pathParameters()) {
            for (String value : HostileValues.PARAMETERS) {
                String path = operation.path().replace("{" + parameter.name() + "}", value);
                for (ApiOperation.Parameter other : operation.pathParameters()) {
                    path = path.replace("{" + other.name() + "}", other.harmlessValue());
                }
                add("path " + parameter.name() + "=" + value, path + requiredQuery(null, null), harmlessBody());
            }
        }
        for (ApiOperation.Parameter parameter : shape.query()) {
            for (String value : HostileValues.PARAMETERS) {
                add("query " + parameter.name() + "=" + value, operation.concretePath() + requiredQuery(parameter, value),
                        harmlessBody());
            }
        }
    }

    private void json() {
        Map<String, String> harmless = harmlessJson();
        for (String property : shape.properties().keySet()) {
            List<String> values = new ArrayList<>(HostileValues.WRONG_JSON);
            values.add(HostileValues.quote(HostileValues.MEBIBYTE));
            values.add("[".repeat(10_000) + "]".repeat(10_000));
            HostileValues.PAYLOADS.forEach(payload -> values.add(HostileValues.quote(payload)));
            for (String value : values) {
                Map<String, String> body = new LinkedHashMap<>(harmless);
                body.put(property, value);
                json("property " + property + "=" + HostileValues.abbreviate(value), HostileValues.object(body));
            }
            Map<String, String> duplicated = new LinkedHashMap<>(harmless);
            String text = HostileValues.object(duplicated);
            json("duplicate key " + property, text.substring(0, text.length() - 1) + (duplicated.isEmpty() ? "" : ",")
                    + HostileValues.quote(property) + ":\"<script>alert(1)</script>\"}");
        }
        for (String property : shape.required()) {
            Map<String, String> body = new LinkedHashMap<>(harmless);
            body.remove(property);
            json("missing required " + property, HostileValues.object(body));
        }
        Map<String, String> extra = new LinkedHashMap<>(harmless);
        extra.put("unknownCorpusField", "\"<script>alert(1)</script>\"");
        extra.put("id", HostileValues.quote(UUID.randomUUID().toString()));
        json("unknown extra fields", HostileValues.object(extra));
        json("duplicate key when empty", "{\"a\":1,\"a\":2}");
        String whole = HostileValues.object(harmless);
        json("truncated document", whole.substring(0, Math.max(1, whole.length() / 2)));
        json("empty body", "");
        json("JSON null", "null");
        json("array instead of object", "[" + whole + "]");
        json("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000));
        json("10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        json("bare NaN", "NaN");
        cases.add(new HostileCase("invalid UTF-8", operation.method(), concrete(), "application/json", HostileValues.INVALID_UTF8));
        cases.add(new HostileCase("wrong content type", operation.method(), concrete(), "text/plain",
                whole.getBytes(StandardCharsets.UTF_8)));
        cases.add(new HostileCase("XML content type", operation.method(), concrete(), "application/xml",
                "<a><b>1</b></a>".getBytes(StandardCharsets.UTF_8)));
    }

    private void form() {
        List<String> names = new ArrayList<>(shape.properties().keySet());
        for (String name : names) {
            List<String> values = new ArrayList<>(HostileValues.PAYLOADS);
            values.add(HostileValues.MEBIBYTE);
            values.add("-99999999999999999999");
            for (String value : values) {
                Map<String, String> fields = harmlessForm();
                fields.put(name, value);
                form("field " + name + "=" + HostileValues.abbreviate(value), HostileValues.encodeForm(fields));
            }
            Map<String, String> fields = harmlessForm();
            fields.put(name, "%FF%FE%C3%28");
            form("field " + name + " invalid UTF-8", fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getKey().equals(name) ? e.getValue() : HostileValues.encode(e.getValue())))
                    .collect(Collectors.joining("&")));
        }
        form("empty body", "");
        form("only extras", HostileValues.encodeForm(new LinkedHashMap<>(formExtras)));
        form("duplicate fields", HostileValues.encodeForm(harmlessForm()) + "&" + HostileValues.encodeForm(harmlessForm()));
        opaque("application/x-www-form-urlencoded");
    }

    private void opaque(String type) {
        String sent = type.startsWith("multipart/") ? type + "; boundary=corpus" : type;
        add("empty " + type, concrete(), sent, new byte[0]);
        add("invalid UTF-8 as " + type, concrete(), sent, HostileValues.INVALID_UTF8);
        add("control characters as " + type, concrete(), sent, "\u0000\u0001\u001b[2J\r\n".getBytes(StandardCharsets.UTF_8));
        add("1 MiB as " + type, concrete(), sent, HostileValues.MEBIBYTE.getBytes(StandardCharsets.UTF_8));
        add("script and SQL as " + type, concrete(), sent,
                "<script>alert(1)</script>\n'; DROP TABLE ticket; --\n".getBytes(StandardCharsets.UTF_8));
        add("truncated multipart as " + type, concrete(), sent, "--corpus\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"\r\n\r\nabc".getBytes(StandardCharsets.UTF_8));
        add("JSON instead of " + type, concrete(), "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        if (type.startsWith("text/calendar")) {
            HostileValues.ICALENDAR.forEach((name, text) -> add("iCalendar: " + name, concrete(), sent, text.getBytes(StandardCharsets.UTF_8)));
        } else if (type.startsWith("text/csv")) {
            HostileValues.CSV.forEach((name, text) -> add("CSV: " + name, concrete(), sent, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void json(String name, String body) {
        add(name, concrete(), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void form(String name, String body) {
        add(name, concrete(), "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String name, String pathAndQuery, HostileCase harmless) {
        cases.add(new HostileCase(name, operation.method(), pathAndQuery, harmless.contentType(), harmless.body()));
    }

    private void add(String name, String pathAndQuery, String type, byte[] body) {
        cases.add(new HostileCase(name, operation.method(), pathAndQuery, type, body));
    }

    private HostileCase harmlessBody() {
        String type = operation.mediaType();
        if (type == null) {
            return new HostileCase("", "", "", null, null);
        }
        String body = type.contains("json") ? HostileValues.object(harmlessJson())
                : type.startsWith("application/x-www-form-urlencoded") ? HostileValues.encodeForm(harmlessForm()) : "";
        return new HostileCase("", "", "", type.startsWith("multipart/") ? type + "; boundary=corpus" : type,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private String concrete() {
        return operation.concretePath() + requiredQuery(null, null);
    }

    private String requiredQuery(ApiOperation.Parameter hostile, String value) {
        List<String> pairs = new ArrayList<>();
        operation.requiredQuery().stream().filter(p -> hostile == null || !p.name().equals(hostile.name()))
                .forEach(p -> pairs.add(HostileValues.encode(p.name()) + "=" + HostileValues.encode(p.harmlessValue())));
        if (hostile != null) {
            pairs.add(HostileValues.encode(hostile.name()) + "=" + value);
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private Map<String, String> harmlessJson() {
        Map<String, String> body = new LinkedHashMap<>();
        shape.properties().forEach((name, property) -> body.put(name, HostileValues.harmlessJson(name, property)));
        return body;
    }

    private Map<String, String> harmlessForm() {
        Map<String, String> fields = new LinkedHashMap<>(formExtras);
        shape.properties().forEach((name, property) -> fields.putIfAbsent(name, HostileValues.harmlessText(name, property)));
        return fields;
    }
}
