package cn.hotline.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hostile-input corpus (issue 14) against the service under test: every operation of its own OpenAPI document
 * with a body or parameters gets its {@link HostileCorpus}, sent as the first identity its access table lets in.
 * It fails on any 5xx, any 4xx that is not {@code application/problem+json} (but the framework statuses excepted by
 * name), and any row stored by an operation not allowed to accept odd input — row counts of every table are read
 * before and after each operation's corpus.
 */
public final class HostileInput {

    private final String service;
    private final Map<String, String> formFields = new LinkedHashMap<>();
    private final Map<String, String> accepting = new LinkedHashMap<>();
    private final Map<Integer, String> plainStatuses = new LinkedHashMap<>();
    private final Map<String, String> contractErrors = new LinkedHashMap<>();
    private final Map<String, String> background = new LinkedHashMap<>();

    private HostileInput(String service) {
        this.service = service;
    }

    public static HostileInput of(String service) {
        return new HostileInput(service);
    }

    /** A form field sent with every form body (e.g. Open311's {@code api_key}). */
    public HostileInput formField(String name, String value) {
        formFields.put(name, value);
        return this;
    }

    /** An operation that legitimately accepts (2xx) and stores some odd input, and why. */
    public HostileInput accepting(String operation, String reason) {
        accepting.put(operation, reason);
        return this;
    }

    /** A 4xx the framework answers before the application is reached, so without a problem document, and why. */
    public HostileInput plainStatus(int status, String reason) {
        plainStatuses.put(status, reason);
        return this;
    }

    /** A path prefix whose public contract prescribes its own error format instead of problem documents, and why. */
    public HostileInput contractErrors(String pathPrefix, String reason) {
        contractErrors.put(pathPrefix, reason);
        return this;
    }

    /**
     * Tables the service's own consumers and schedulers write while the corpus runs (events of earlier tests in the
     * same JVM, timers firing), and why; their counts are not held against the request. A rejected request that
     * stored anything would still show in the service's own tables.
     */
    public HostileInput background(String reason, String... tables) {
        for (String table : tables) {
            background.put(table, reason);
        }
        return this;
    }

    /** Runs the corpus, identities taken from the access table at class-path {@code tableResource}. */
    public void check(String tableResource) {
        JsonNode document = document();
        AccessTable table = AccessTable.read(tableResource);
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int cases = 0;
        int serverErrors = 0;
        int accepted = 0;
        int stored = 0;
        Map<String, Long> start = RowCounts.now();
        for (ApiOperation operation : OpenApiOperations.of(document)) {
            RequestShape shape = RequestShape.of(operation, document);
            List<HostileCase> corpus = HostileCorpus.of(operation, shape, formFields);
            if (corpus.isEmpty()) {
                continue;
            }
            AccessIdentity identity = allowed(table, operation.key());
            if (identity == null) {
                failures.add(operation.key() + ": no identity is ok in " + tableResource);
                continue;
            }
            operations++;
            Map<String, Long> before = RowCounts.now();
            List<String> acceptedHere = new ArrayList<>();
            for (HostileCase hostile : corpus) {
                cases++;
                HostileRequest.Answer answer = HostileRequest.send(hostile, identity);
                if (answer.status() >= 500) {
                    serverErrors++;
                    failures.add("5xx " + operation.key() + " [" + identity.name() + "] " + hostile.describe() + " → "
                            + answer.status() + " " + answer.body());
                } else if (answer.status() >= 400 && !answer.isProblem() && !plainStatuses.containsKey(answer.status())
                        && contractErrors.keySet().stream().noneMatch(operation.path()::startsWith)) {
                    failures.add("not problem+json " + operation.key() + " " + hostile.describe() + " → " + answer.status()
                            + " [" + answer.contentType() + "] " + answer.body());
                } else if (answer.status() < 300 && !operation.method().equals("GET")) {
                    acceptedHere.add(hostile.name());
                }
            }
            accepted += acceptedHere.size();
            if (!acceptedHere.isEmpty()) {
                System.out.println("hostile input " + service + " " + operation.key() + " accepted (2xx) " + acceptedHere.size()
                        + " of " + corpus.size() + " cases, e.g. " + acceptedHere.subList(0, Math.min(5, acceptedHere.size())));
            }
            List<String> changes = RowCounts.changes(before, RowCounts.now()).stream()
                    .filter(change -> !background.containsKey(change.substring(change.indexOf('.') + 1, change.indexOf(' '))))
                    .toList();
            if (!changes.isEmpty()) {
                stored += changes.size();
                String line = operation.key() + " stored rows: " + String.join(", ", changes);
                System.out.println("hostile input " + service + " " + line
                        + (accepting.containsKey(operation.key()) ? " (allowed: " + accepting.get(operation.key()) + ")" : ""));
                if (!accepting.containsKey(operation.key())) {
                    failures.add(line);
                }
            }
        }
        List<String> total = RowCounts.changes(start, RowCounts.now());
        System.out.printf("hostile input %s: %d operations, %d cases, %d × 5xx, %d writes accepted, %d table changes"
                + " (%s), %d failures%n", service, operations, cases, serverErrors, accepted, stored, total, failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError("hostile input of " + service + ", " + failures.size() + " failures:\n"
                    + String.join("\n", failures));
        }
    }

    private static AccessIdentity allowed(AccessTable table, String operation) {
        Map<String, String> row = table.rows().get(operation);
        if (row == null) {
            return null;
        }
        return AccessIdentity.standard().stream().filter(identity -> "ok".equals(row.get(identity.name())))
                .findFirst().orElse(null);
    }

    private static JsonNode document() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(Objects.requireNonNull(json));
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }
}
