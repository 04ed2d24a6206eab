package cn.hotline.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TokenEndpointTest {

    @TempDir
    static Path keys;
    static DevKeyPair pair;
    static TokenEndpoint endpoint;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        pair = DevKeyPair.in(keys);
        endpoint = TokenEndpoint.start("127.0.0.1", 0, "hotline-local", pair.privateKey(), Duration.ofMinutes(5),
                List.of(ServiceClient.parse("notify-service:s3cret:service")));
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void aKnownClientGetsATokenWithItsRolesSignedByTheDevKey() throws Exception {
        HttpResponse<String> response = post("grant_type=client_credentials",
                "Basic " + Base64.getEncoder().encodeToString("notify-service:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(300);
        JwtClaims claims = verify(body.get("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo("notify-service");
        assertThat(claims.getIssuer()).isEqualTo("hotline-local");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("service");
    }

    @Test
    void formCredentialsWorkToo() throws Exception {
        assertThat(post("grant_type=client_credentials&client_id=notify-service&client_secret=s3cret", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aWrongSecretAnUnknownClientOrAnotherGrantIsRefused() throws Exception {
        assertThat(post("grant_type=client_credentials&client_id=notify-service&client_secret=guess", null).statusCode())
                .isEqualTo(401);
        assertThat(post("grant_type=client_credentials&client_id=routing-service&client_secret=s3cret", null).statusCode())
                .isEqualTo(401);
        assertThat(post("grant_type=client_credentials", "Basic !!!").statusCode()).isEqualTo(401);
        HttpResponse<String> password = post("grant_type=password&client_id=notify-service&client_secret=s3cret"
                + "&username=a&password=b", null);
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type");
    }

    @Test
    void theKeyPairIsMadeOnceAndKept() throws Exception {
        String before = Files.readString(pair.privateKeyFile());
        assertThat(Files.readString(DevKeyPair.in(keys).privateKeyFile())).isEqualTo(before);
    }

    private static HttpResponse<String> post(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.authServerUrl() + TokenEndpoint.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JwtClaims verify(String token) throws Exception {
        String pem = Files.readString(pair.publicKeyFile());
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        try {
            return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("hotline-local")
                    .setRequireExpirationTime().build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new AssertionError("the token does not verify with the public key", e);
        }
    }
}
