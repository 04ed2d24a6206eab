package cn.hotline.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hotline.support.security.Roles;
import io.restassured.RestAssured;

/**
 * Cross-scope reads against seeded data: one record of a known unit and county (seeded by the test), every GET of
 * the service's OpenAPI document whose path parameters the record fills, sent with the record's ids by callers of
 * its own scope (the control) and of a foreign unit and a foreign territory. A foreign caller's 2xx answer that
 * carries one of the record's markers (data no request carries, such as its ticket number) is a cross-scope read.
 */
public final class ScopeSweep {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String service;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> markers = new ArrayList<>();
    private String unitCode;
    private String countyCode;

    private ScopeSweep(String service) {
        this.service = service;
    }

    public static ScopeSweep of(String service) {
        return new ScopeSweep(service);
    }

    /** The record's value for a path or query parameter of this name (e.g. {@code id}, {@code ticketId}). */
    public ScopeSweep value(String parameter, String value) {
        values.put(parameter, value);
        return this;
    }

    /** Text of the record that only an answer about it contains (never a value any request carries). */
    public ScopeSweep marker(String text) {
        markers.add(text);
        return this;
    }

    /** The unit the record belongs to and the county it was placed in. */
    public ScopeSweep owner(String unitCode, String countyCode) {
        this.unitCode = unitCode;
        this.countyCode = countyCode;
        return this;
    }

    /** Sends every fillable GET; fails on any cross-scope read, or when no city-wide caller saw the record at all. */
    public void check() {
        String foreignCounty = "330523".equals(countyCode) ? "330502" : "330523";
        Map<String, String> own = new LinkedHashMap<>();
        own.put("own handler", TestJwt.handler("sweep-own-handler", unitCode));
        own.put("city dispatcher", TestJwt.token(Roles.DISPATCHER));
        own.put("city supervisor", TestJwt.token(Roles.SUPERVISOR));
        own.put("city operator", TestJwt.token(Roles.OPERATOR));
        Map<String, String> foreign = new LinkedHashMap<>();
        foreign.put("handler of another unit", TestJwt.handler("sweep-foreign-handler", AccessIdentity.FOREIGN_UNIT));
        foreign.put("dispatcher of another county", TestJwt.inTerritory(Roles.DISPATCHER, foreignCounty));
        foreign.put("supervisor of another county", TestJwt.inTerritory(Roles.SUPERVISOR, foreignCounty));
        foreign.put("operator of another county", TestJwt.inTerritory(Roles.OPERATOR, foreignCounty));
        JsonNode document = AccessMatrix.document();
        List<String> leaks = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        int operations = 0;
        int foreignReads = 0;
        for (ApiOperation operation : OpenApiOperations.of(document)) {
            String url = url(operation, RequestShape.of(operation, document));
            if (!operation.method().equals("GET") || url == null) {
                continue;
            }
            operations++;
            own.forEach((name, token) -> {
                if (carriesMarker(get(url, token)) && !reached.contains(operation.key())) {
                    reached.add(operation.key());
                }
            });
            for (Map.Entry<String, String> caller : foreign.entrySet()) {
                foreignReads++;
                HttpResponse<String> answer = get(url, caller.getValue());
                if (carriesMarker(answer)) {
                    leaks.add(operation.key() + " as " + caller.getKey() + ": " + answer.statusCode() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        System.out.printf("scope sweep %s: %d GET operations filled with the seeded record of %s in %s; its own scope saw it"
                + " through %d (%s); %d foreign reads, %d cross-scope%n", service, operations, unitCode, countyCode,
                reached.size(), String.join(", ", reached), foreignReads, leaks.size());
        if (reached.isEmpty()) {
            throw new AssertionError("scope sweep of " + service + ": no caller of the record's own scope saw it,"
                    + " so the sweep proves nothing; check the seeded values " + values + " and markers " + markers);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("scope sweep of " + service + ", cross-scope reads:\n" + String.join("\n", leaks));
        }
    }

    private String url(ApiOperation operation, RequestShape shape) {
        String path = operation.path();
        for (ApiOperation.Parameter parameter : operation.pathParameters()) {
            String value = values.get(parameter.name());
            if (value == null) {
                return null;
            }
            path = path.replace("{" + parameter.name() + "}", encode(value));
        }
        String query = shape.query().stream().filter(p -> values.containsKey(p.name()))
                .map(p -> encode(p.name()) + "=" + encode(values.get(p.name()))).collect(Collectors.joining("&"));
        boolean needsMore = operation.requiredQuery().stream().anyMatch(p -> !values.containsKey(p.name()));
        if (needsMore || (operation.pathParameters().isEmpty() && query.isEmpty())) {
            return null; // a list the record's values do not select, or a lookup they cannot fill
        }
        return RestAssured.baseURI + ":" + RestAssured.port + path + (query.isEmpty() ? "" : "?" + query);
    }

    private boolean carriesMarker(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 2 && answer.body() != null && markers.stream().anyMatch(answer.body()::contains);
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, */*;q=0.5").header("Authorization", "Bearer " + token).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
