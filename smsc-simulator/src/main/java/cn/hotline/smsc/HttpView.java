package cn.hotline.smsc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator's HTTP view: {@code GET/DELETE /messages}, {@code POST /mo}, and switches for tests and demos
 * ({@code POST /smpp/stop}, {@code POST /smpp/start}, {@code POST /throttle}, {@code GET /status}).
 */
final class HttpView {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SmscSimulator simulator;
    private HttpServer server;

    HttpView(SmscSimulator simulator) {
        this.simulator = simulator;
    }

    void start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "smsc-sim-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/messages", this::messages);
        server.createContext("/mo", this::mo);
        server.createContext("/smpp/stop", exchange -> control(exchange, () -> simulator.stopSmpp()));
        server.createContext("/smpp/start", exchange -> control(exchange, () -> simulator.startSmpp()));
        server.createContext("/throttle", this::throttle);
        server.createContext("/status", exchange -> respond(exchange, 200, simulator.status()));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> respond(exchange, 200, simulator.messages().stream().map(HttpView::view).toList());
            case "DELETE" -> {
                simulator.clearMessages();
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, Map.of("error", "GET or DELETE"));
        }
    }

    private static Map<String, Object> view(StoredMessage m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("partIds", m.partIds());
        view.put("source", m.source());
        view.put("destination", m.destination());
        view.put("text", m.text());
        view.put("segments", m.segments());
        view.put("dataCoding", m.dataCoding());
        view.put("receiptRequested", m.receiptRequested());
        view.put("systemId", m.systemId());
        view.put("receivedAt", m.receivedAt());
        return view;
    }

    private void mo(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Map.of("error", "POST {\"from\",\"text\"}"));
            return;
        }
        Map<?, ?> body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readValue(in, Map.class);
        } catch (IOException e) {
            respond(exchange, 400, Map.of("error", "body must be JSON {\"from\",\"text\"}"));
            return;
        }
        if (!(body.get("from") instanceof String from) || !(body.get("text") instanceof String text) || from.isBlank()) {
            respond(exchange, 400, Map.of("error", "from and text are required"));
            return;
        }
        boolean delivered = simulator.injectMo(from, text);
        respond(exchange, delivered ? 202 : 409, Map.of("delivered", delivered));
    }

    private void throttle(HttpExchange exchange) throws IOException {
        boolean on = !"false".equals(query(exchange, "enabled")) && !"DELETE".equals(exchange.getRequestMethod());
        simulator.throttle(on);
        respond(exchange, 200, Map.of("throttled", on));
    }

    private void control(HttpExchange exchange, IoAction action) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Map.of("error", "POST"));
            return;
        }
        action.run();
        respond(exchange, 200, simulator.status());
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** An action that may fail with an I/O error. */
    interface IoAction {
        void run() throws IOException;
    }
}
