package cn.hotline.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The role × endpoint matrix of the service under test: every operation of its own OpenAPI document sent once as
 * every {@link AccessIdentity}, each answer checked against the service's {@link AccessTable}. It fails on any
 * 5xx, any cell that differs, any operation missing from the table and any table row no longer in the document;
 * what it saw is written to {@code target/access-matrix-observed.tsv} (cells) and {@code -statuses.tsv} (statuses).
 */
public final class AccessMatrix {

    private final String service;
    private final List<MatrixRequest.Extra> formFields = new ArrayList<>();
    private final List<MatrixRequest.Extra> headers = new ArrayList<>();

    private AccessMatrix(String service) {
        this.service = service;
    }

    public static AccessMatrix of(String service) {
        return new AccessMatrix(service);
    }

    /** A form field sent with every form body under {@code pathPrefix} (e.g. Open311's {@code api_key}). */
    public AccessMatrix formField(String pathPrefix, String name, String value) {
        formFields.add(new MatrixRequest.Extra(pathPrefix, name, value));
        return this;
    }

    /** A header sent with every request under {@code pathPrefix}. */
    public AccessMatrix header(String pathPrefix, String name, String value) {
        headers.add(new MatrixRequest.Extra(pathPrefix, name, value));
        return this;
    }

    /** Runs the matrix against the table at class-path {@code tableResource}; throws an AssertionError listing every failure. */
    public void check(String tableResource) {
        List<ApiOperation> operations = OpenApiOperations.of(document());
        List<AccessIdentity> identities = AccessIdentity.standard();
        AccessTable expected = AccessTable.read(tableResource);
        List<String> failures = new ArrayList<>();
        if (!expected.identities().equals(identities.stream().map(AccessIdentity::name).toList())) {
            failures.add("table columns " + expected.identities() + " are not the identities "
                    + identities.stream().map(AccessIdentity::name).toList());
        }
        Map<String, Map<String, String>> observed = new LinkedHashMap<>();
        Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
        List<String> writesAccepted = new ArrayList<>();
        int serverErrors = 0;
        for (ApiOperation operation : operations) {
            Map<String, String> row = new LinkedHashMap<>();
            Map<String, String> raw = new LinkedHashMap<>();
            observed.put(operation.key(), row);
            statuses.put(operation.key(), raw);
            Map<String, String> expectedRow = expected.rows().get(operation.key());
            if (expectedRow == null) {
                failures.add(operation.key() + ": in the OpenAPI document but not in " + tableResource);
            }
            for (AccessIdentity identity : identities) {
                MatrixRequest.Answer answer = MatrixRequest.send(operation, identity, formFields, headers);
                row.put(identity.name(), AccessTable.cell(answer.status()));
                raw.put(identity.name(), String.valueOf(answer.status()));
                if (!operation.method().equals("GET") && answer.status() < 300) {
                    writesAccepted.add(operation.key() + " [" + identity.name() + "]: " + answer.status() + " " + answer.body());
                }
                String cell = expectedRow == null ? null : expectedRow.get(identity.name());
                if (answer.status() >= 500) {
                    serverErrors++;
                    failures.add(operation.key() + " [" + identity.name() + "]: " + answer.status() + " " + answer.body());
                } else if (cell != null && !AccessTable.matches(cell, answer.status())) {
                    failures.add(operation.key() + " [" + identity.name() + "]: expected " + cell + ", got "
                            + answer.status() + " " + answer.body());
                }
            }
        }
        expected.rows().keySet().stream().filter(key -> !observed.containsKey(key))
                .forEach(key -> failures.add(key + ": in " + tableResource + " but no longer in the OpenAPI document"));
        List<String> columns = identities.stream().map(AccessIdentity::name).toList();
        write("access-matrix-observed.tsv", new AccessTable(columns, observed));
        write("access-matrix-statuses.tsv", new AccessTable(columns, statuses));
        // Empty bodies and random ids should store nothing: every accepted write is shown for a reader to judge.
        writesAccepted.forEach(write -> System.out.println("access matrix " + service + " accepted a write: " + write));
        System.out.printf("access matrix %s: %d operations × %d identities = %d cells, %d × 5xx, %d writes accepted, %d failures%n",
                service, operations.size(), identities.size(), operations.size() * identities.size(), serverErrors, writesAccepted.size(), failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError("access matrix of " + service + ", " + failures.size() + " failures:\n"
                    + String.join("\n", failures));
        }
    }

    /** The service's own OpenAPI document (JSON). */
    static JsonNode document() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(Objects.requireNonNull(json));
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    private static void write(String file, AccessTable observed) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve(file), observed.tsv());
        } catch (IOException e) {
            System.out.println("cannot write the observed access matrix: " + e);
        }
    }
}
