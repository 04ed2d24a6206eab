package cn.hotline.testsupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations of an OpenAPI document (JSON), Quarkus' own {@code /q/...} left out, in document order. */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiOperations() {
    }

    public static List<ApiOperation> of(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (entry.getKey().startsWith("/q/")) {
                continue;
            }
            JsonNode item = entry.getValue();
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation != null) {
                    operations.add(operation(method, entry.getKey(), item, operation, document));
                }
            }
        }
        return operations;
    }

    private static ApiOperation operation(String method, String path, JsonNode item, JsonNode operation, JsonNode document) {
        List<ApiOperation.Parameter> inPath = new ArrayList<>();
        List<ApiOperation.Parameter> requiredQuery = new ArrayList<>();
        for (JsonNode declared : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode resolved = resolve(parameter, document);
                JsonNode schema = resolve(resolved.path("schema"), document);
                ApiOperation.Parameter p = new ApiOperation.Parameter(resolved.path("name").asText(),
                        schema.path("type").asText(null), schema.path("format").asText(null));
                String in = resolved.path("in").asText();
                if ("path".equals(in) && inPath.stream().noneMatch(known -> known.name().equals(p.name()))) {
                    inPath.add(p);
                } else if ("query".equals(in) && resolved.path("required").asBoolean(false)) {
                    requiredQuery.add(p);
                }
            }
        }
        Iterator<String> types = resolve(operation.path("requestBody"), document).path("content").fieldNames();
        String mediaType = types.hasNext() ? types.next() : null;
        return new ApiOperation(method.toUpperCase(Locale.ROOT), path, inPath, requiredQuery, mediaType);
    }

    /** {@code node}, or what its local {@code $ref} points to in {@code document}. */
    static JsonNode resolve(JsonNode node, JsonNode document) {
        String ref = node.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
