package cn.hotline.testsupport;

import java.util.List;
import java.util.UUID;

/** One operation of a service's OpenAPI document: method, path template, its parameters and its first body type. */
public record ApiOperation(String method, String path, List<Parameter> pathParameters, List<Parameter> requiredQuery,
        String mediaType) {

    /** The operation's row key in an access table, e.g. {@code GET /api/v1/tickets/{id}}. */
    public String key() {
        return method + " " + path;
    }

    /** The path with every parameter filled with a harmless value that names nothing stored. */
    public String concretePath() {
        String concrete = path;
        for (Parameter parameter : pathParameters) {
            concrete = concrete.replace("{" + parameter.name() + "}", parameter.harmlessValue());
        }
        return concrete;
    }

    /** A path or query parameter and its schema's type and format (either may be null). */
    public record Parameter(String name, String type, String format) {

        /**
         * A random UUID for a uuid or an id ({@code id}, {@code …Id}: the suite's ids are UUIDs even where the schema
         * says string), a large number for an integer, a short random token otherwise.
         */
        public String harmlessValue() {
            String random = UUID.randomUUID().toString();
            if ("uuid".equals(format) || name.equals("id") || name.endsWith("Id")) {
                return random;
            }
            if ("integer".equals(type) || "number".equals(type)) {
                return "987654" + (int) (Math.random() * 1000);
            }
            if ("boolean".equals(type)) {
                return "false";
            }
            if ("date-time".equals(format)) {
                return "2026-01-05T09:00:00Z";
            }
            if ("date".equals(format)) {
                return "2026-01-05";
            }
            return "zz" + random.substring(0, 8);
        }
    }
}
