package cn.hotline.testsupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an operation of an OpenAPI document accepts beyond its path: every query parameter (required or not) and the
 * properties of its first request body's schema ({@code $ref} and {@code allOf} resolved), with the required ones.
 */
public record RequestShape(List<ApiOperation.Parameter> query, Map<String, Property> properties, Set<String> required) {

    /** A body property: its type, format and allowed values (first one used as the harmless value). */
    public record Property(String type, String format, List<String> allowed) {
    }

    /** The shape of {@code operation} in {@code document}. */
    public static RequestShape of(ApiOperation operation, JsonNode document) {
        JsonNode item = document.path("paths").path(operation.path());
        JsonNode node = item.path(operation.method().toLowerCase(Locale.ROOT));
        List<ApiOperation.Parameter> query = new ArrayList<>();
        for (JsonNode declared : List.of(item.path("parameters"), node.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode resolved = OpenApiOperations.resolve(parameter, document);
                JsonNode schema = OpenApiOperations.resolve(resolved.path("schema"), document);
                if ("query".equals(resolved.path("in").asText())) {
                    query.add(new ApiOperation.Parameter(resolved.path("name").asText(),
                            schema.path("type").asText(null), schema.path("format").asText(null)));
                }
            }
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        JsonNode content = OpenApiOperations.resolve(node.path("requestBody"), document).path("content");
        Iterator<JsonNode> types = content.elements();
        if (types.hasNext()) {
            collect(OpenApiOperations.resolve(types.next().path("schema"), document), document, properties, required);
        }
        return new RequestShape(query, properties, required);
    }

    private static void collect(JsonNode schema, JsonNode document, Map<String, Property> properties, Set<String> required) {
        for (JsonNode part : schema.path("allOf")) {
            collect(OpenApiOperations.resolve(part, document), document, properties, required);
        }
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(entry -> {
            JsonNode property = OpenApiOperations.resolve(entry.getValue(), document);
            if (property.has("allOf") && property.path("allOf").size() == 1) {
                property = OpenApiOperations.resolve(property.path("allOf").get(0), document);
            }
            List<String> allowed = new ArrayList<>();
            property.path("enum").forEach(value -> allowed.add(value.asText()));
            String type = property.path("type").asText(property.has("properties") ? "object" : null);
            properties.put(entry.getKey(), new Property(type, property.path("format").asText(null), allowed));
        });
    }
}
