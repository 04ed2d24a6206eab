package cn.hotline.stack.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A new ticket posted to intake as an operator's console posts it (bench and chaos load alike), and the id in the answer. */
final class TicketPosts {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private TicketPosts() {
    }

    /** POST {@code /api/v1/tickets} on {@code intake} with {@code body}, as the operator {@code token}, under {@code idempotencyKey}. */
    static HttpRequest create(String intake, String token, String idempotencyKey, String body) {
        return HttpRequest.newBuilder(URI.create(intake + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** The ticket id of a 201 answer's body, when it names one. */
    static Optional<String> ticketId(String answer) {
        Matcher id = ID.matcher(answer);
        return id.find() ? Optional.of(id.group(1)) : Optional.empty();
    }
}
