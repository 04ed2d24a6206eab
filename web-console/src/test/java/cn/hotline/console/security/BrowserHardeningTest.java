package cn.hotline.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The running console's browser hardening: the security headers on static files and pages, and the CSRF guard
 * refusing a post from another site while letting the console's own through. No identity provider is needed.
 */
@QuarkusTest
@TestProfile(BrowserHardeningTest.WithoutSignIn.class)
class BrowserHardeningTest {

    /** Sign-in off: only public paths answer, which is all the headers and the guard need. */
    public static class WithoutSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false", "quarkus.oidc.connection-delay", "0s",
                    "hotline.console.public-url", "https://console.hotline.example");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyKindOfResponseCarriesTheHeaders() throws Exception {
        for (String path : new String[] { "/css/console.css", "/js/htmx-config.js", "/webjars/htmx.org/2.0.4/dist/htmx.min.js",
                "/webjars/leaflet/1.9.4/dist/leaflet.js", "/_static/echarts/6.0.0/dist/echarts.min.js", "/board" }) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.statusCode()).as(path).isIn(200, 302, 401);
            assertHardened(response, path);
        }
    }

    @Test
    void aPostFromAnotherSiteIsRefusedWithAProblemSayingWhy() throws Exception {
        HttpResponse<String> response = send(post("/m/AAAAAAAAAAAAAAAAAAAAAA/act/sign")
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").contains("another site");

        HttpResponse<String> noOrigin = send(post("/m/AAAAAAAAAAAAAAAAAAAAAA/act/sign"));
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(noOrigin.body()).contains("without an Origin or Referer");
    }

    @Test
    void theConsolesOwnPagesPostThroughTheGuard() throws Exception {
        for (String origin : new String[] { "https://console.hotline.example", base.getProtocol() + "://" + base.getAuthority() }) {
            HttpResponse<String> response = send(post("/m/AAAAAAAAAAAAAAAAAAAAAA/act/sign")
                    .header("Origin", origin).header("Sec-Fetch-Site", "same-origin"));
            assertThat(response.statusCode()).as("from " + origin).isNotEqualTo(403);
        }
    }

    private static void assertHardened(HttpResponse<String> response, String path) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'", "frame-ancestors 'none'",
                        "base-uri 'self'", "form-action 'self' http://127.0.0.1:8180")
                .doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src [^;]*unsafe-inline"));
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("note=x"));
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
