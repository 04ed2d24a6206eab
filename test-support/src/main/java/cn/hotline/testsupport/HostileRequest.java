package cn.hotline.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.restassured.RestAssured;

/** Sends one {@link HostileCase} as one identity to the service under test, exactly the bytes the case holds. */
final class HostileRequest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What came back: the status, the Content-Type (empty if none) and the start of the body. */
    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private HostileRequest() {
    }

    static Answer send(HostileCase hostile, AccessIdentity identity) {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + hostile.pathAndQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*;q=0.5");
        if (identity.token() != null) {
            request.header("Authorization", "Bearer " + identity.token());
        }
        if (hostile.body() == null) {
            request.method(hostile.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", hostile.contentType());
            request.method(hostile.method(), HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.length() > 300 ? body.substring(0, 300) + "…" : body);
        } catch (IOException e) {
            return new Answer(599, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
