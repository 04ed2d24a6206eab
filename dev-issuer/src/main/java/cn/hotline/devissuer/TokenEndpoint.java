package cn.hotline.devissuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.smallrye.jwt.build.Jwt;

/**
 * An OAuth 2.0 token endpoint for the client-credentials grant (RFC 6749 4.4) at Keycloak's path
 * ({@code …/protocol/openid-connect/token}), so a service's {@code quarkus-oidc-client} is configured the same way
 * for this issuer and for Keycloak. Clients authenticate with HTTP Basic or form parameters; tokens carry the
 * client's roles in {@code groups}.
 */
public final class TokenEndpoint implements AutoCloseable {

    /** Where a realm keeps its token endpoint (Keycloak's layout), below the issuer's URL. */
    public static final String TOKEN_PATH = "/protocol/openid-connect/token";
    /** The URL path this endpoint plays the realm at: its {@code auth-server-url} is {@code http://host:port/realms/dev}. */
    public static final String REALM_PATH = "/realms/dev";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 8 * 1024;

    private final HttpServer server;
    private final String issuer;
    private final PrivateKey key;
    private final Duration lifetime;
    private final Map<String, ServiceClient> clients;

    private TokenEndpoint(HttpServer server, String issuer, PrivateKey key, Duration lifetime, List<ServiceClient> clients) {
        this.server = server;
        this.issuer = issuer;
        this.key = key;
        this.lifetime = lifetime;
        this.clients = new ConcurrentHashMap<>(clients.stream()
                .collect(Collectors.toMap(ServiceClient::clientId, Function.identity())));
    }

    /** Starts on {@code host:port} (0: any free port); tokens say {@code iss=issuer} and live {@code lifetime}. */
    public static TokenEndpoint start(String host, int port, String issuer, PrivateKey key, Duration lifetime,
            List<ServiceClient> clients) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        TokenEndpoint endpoint = new TokenEndpoint(server, issuer, key, lifetime, clients);
        server.createContext(REALM_PATH + TOKEN_PATH, endpoint::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "dev-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return endpoint;
    }

    /** Adds (or replaces) a client while running: a test JVM registers each service under test as it starts. */
    public void register(ServiceClient client) {
        clients.put(client.clientId(), client);
    }

    /** The {@code auth-server-url} a client is given: {@code http://host:port/realms/dev}. */
    public String authServerUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort() + REALM_PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange);
        } catch (RuntimeException e) {
            // The JDK server would drop the connection silently; say what broke where it can be read.
            System.err.println("dev issuer: cannot issue a token: " + e);
            e.printStackTrace();
            throw e;
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, Map.<String, Object>of("error", "invalid_request", "error_description", "POST only"));
            return;
        }
        Map<String, String> form = form(exchange.getRequestBody());
        if (form == null) {
            answer(exchange, 400, Map.<String, Object>of("error", "invalid_request", "error_description", "body too large"));
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            answer(exchange, 400, Map.<String, Object>of("error", "unsupported_grant_type"));
            return;
        }
        Optional<ServiceClient> client = authenticate(exchange.getRequestHeaders().getFirst("Authorization"), form);
        if (client.isEmpty()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"dev\"");
            answer(exchange, 401, Map.<String, Object>of("error", "invalid_client"));
            return;
        }
        String token = Jwt.issuer(issuer).subject(client.get().clientId()).upn(client.get().clientId())
                .groups(client.get().roles()).claim("azp", client.get().clientId())
                .expiresIn(lifetime.toSeconds()).sign(key);
        answer(exchange, 200, Map.<String, Object>of("access_token", token, "token_type", "Bearer", "expires_in", lifetime.toSeconds()));
    }

    private Optional<ServiceClient> authenticate(String authorization, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        ServiceClient client = id == null ? null : clients.get(id);
        if (client == null || secret == null || !MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            return null;
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
