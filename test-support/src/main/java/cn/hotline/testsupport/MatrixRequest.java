package cn.hotline.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.restassured.RestAssured;

/**
 * Sends one operation as one identity to the service under test: harmless path values, an empty body of the
 * operation's first media type ({@code {}} for JSON), and the extras a public surface asks for (an API key).
 */
final class MatrixRequest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BOUNDARY = "access-matrix";

    /** An extra form field or header sent to every operation whose path starts with {@code prefix}. */
    record Extra(String prefix, String name, String value) {
    }

    /** What came back: the status and the start of the body. */
    record Answer(int status, String body) {
    }

    private MatrixRequest() {
    }

    static Answer send(ApiOperation operation, AccessIdentity identity, List<Extra> formFields, List<Extra> headers) {
        String query = operation.requiredQuery().stream()
                .map(p -> encode(p.name()) + "=" + encode(p.harmlessValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + operation.concretePath()
                + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, */*;q=0.5");
        if (identity.token() != null) {
            request.header("Authorization", "Bearer " + identity.token());
        }
        headers.stream().filter(extra -> operation.path().startsWith(extra.prefix()))
                .forEach(extra -> request.header(extra.name(), extra.value()));
        String type = operation.mediaType();
        if (type == null) {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", type.startsWith("multipart/") ? type + "; boundary=" + BOUNDARY : type);
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString(body(operation, formFields)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), body.length() > 300 ? body.substring(0, 300) + "…" : body);
        } catch (IOException e) {
            throw new IllegalStateException(operation.key() + " as " + identity.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(ApiOperation operation, List<Extra> formFields) {
        String type = operation.mediaType();
        if (type.contains("json")) {
            return "{}";
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return formFields.stream().filter(extra -> operation.path().startsWith(extra.prefix()))
                    .map(extra -> encode(extra.name()) + "=" + encode(extra.value())).collect(Collectors.joining("&"));
        }
        return type.startsWith("multipart/") ? "--" + BOUNDARY + "--\r\n" : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
