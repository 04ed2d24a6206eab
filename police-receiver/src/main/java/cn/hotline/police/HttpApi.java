package cn.hotline.police;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiver's HTTP side: {@code POST /handovers} (acknowledge, deduplicated by {@code handoverId}),
 * {@code GET /handovers} (what 110 received), and switches for tests and demos ({@code DELETE /handovers},
 * {@code POST /control/lose-acks}, {@code GET /status}).
 */
final class HttpApi {

    private static final int MAX_ID_LENGTH = 128;

    private final PoliceReceiver receiver;
    private final ObjectMapper json;
    private HttpServer server;
    private ExecutorService executor;

    HttpApi(PoliceReceiver receiver, ObjectMapper json) {
        this.receiver = receiver;
        this.json = json;
    }

    void start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 50);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "police-receiver-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/handovers", this::handovers);
        server.createContext("/control/lose-acks", this::loseAcks);
        server.createContext("/status", exchange -> respond(exchange, 200, receiver.status()));
        server.start();
    }

    boolean running() {
        return server != null;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handovers(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "POST" -> receive(exchange);
            case "GET" -> {
                String ticketNumber = query(exchange, "ticketNumber");
                List<ReceivedHandover> all = receiver.handovers();
                respond(exchange, 200, ticketNumber == null ? all
                        : all.stream().filter(h -> ticketNumber.equals(h.handover().get("ticketNumber"))).toList());
            }
            case "DELETE" -> {
                receiver.clear();
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, Map.of("error", "GET, POST or DELETE"));
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = json.readValue(in, Map.class);
            body = read;
        } catch (IOException | RuntimeException e) {
            respond(exchange, 400, Map.of("error", "body must be a JSON object with handoverId and ticketNumber"));
            return;
        }
        if (body == null || !(body.get("handoverId") instanceof String id) || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            respond(exchange, 400, Map.of("error", "handoverId is required (1.." + MAX_ID_LENGTH + " characters)", "field", "handoverId"));
            return;
        }
        if (!(body.get("ticketNumber") instanceof String number) || number.isBlank()) {
            respond(exchange, 400, Map.of("error", "ticketNumber is required", "field", "ticketNumber"));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && !key.equals(id)) {
            respond(exchange, 400, Map.of("error", "Idempotency-Key must equal handoverId", "field", "Idempotency-Key"));
            return;
        }
        HandoverStore.Outcome outcome = receiver.receive(id, body);
        if (receiver.losingAcks()) {
            // Kept, but the sender never learns it: what a crash of the sender between our answer and its commit looks like.
            respond(exchange, 503, Map.of("error", "acknowledgement lost (simulated)"));
            return;
        }
        ReceivedHandover h = outcome.handover();
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("acknowledgementId", h.acknowledgementId());
        ack.put("handoverId", h.handoverId());
        ack.put("receivedAt", h.receivedAt());
        ack.put("duplicate", !outcome.first());
        respond(exchange, outcome.first() ? 201 : 200, ack);
    }

    private void loseAcks(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Map.of("error", "POST ?enabled=true|false"));
            return;
        }
        boolean on = !"false".equals(query(exchange, "enabled"));
        receiver.loseAcks(on);
        respond(exchange, 200, Map.of("losingAcks", on));
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
