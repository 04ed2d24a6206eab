package cn.hotline.police;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The stand-in 110 receiver over real HTTP: acknowledgements, deduplication by hand-over id, restarts. */
class PoliceReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private PoliceReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void acknowledgesOnceAndAnswersARepeatWithTheSameAcknowledgement() throws Exception {
        receiver = PoliceReceiver.start(ReceiverConfig.randomPort());
        String id = UUID.randomUUID().toString();
        HttpResponse<String> first = post(id, "HZ20261121000001");
        assertThat(first.statusCode()).isEqualTo(201);
        Map<?, ?> ack = JSON.readValue(first.body(), Map.class);
        assertThat((String) ack.get("acknowledgementId")).startsWith("110-ACK-");
        assertThat(ack.get("handoverId")).isEqualTo(id);
        assertThat(ack.get("duplicate")).isEqualTo(false);

        HttpResponse<String> again = post(id, "HZ20261121000001");
        assertThat(again.statusCode()).isEqualTo(200);
        Map<?, ?> repeat = JSON.readValue(again.body(), Map.class);
        assertThat(repeat.get("acknowledgementId")).isEqualTo(ack.get("acknowledgementId"));
        assertThat(repeat.get("receivedAt")).isEqualTo(ack.get("receivedAt"));
        assertThat(repeat.get("duplicate")).isEqualTo(true);

        List<?> listed = JSON.readValue(get("/handovers").body(), List.class);
        assertThat(listed).hasSize(1);
        Map<?, ?> entry = (Map<?, ?>) listed.get(0);
        assertThat(entry.get("deliveries")).isEqualTo(2);
        assertThat(((Map<?, ?>) entry.get("handover")).get("content")).isEqualTo("有人持械斗殴");
        assertThat(JSON.readValue(get("/handovers?ticketNumber=HZ-NONE").body(), List.class)).isEmpty();
    }

    @Test
    void refusesAHandoverWithoutIdOrTicketNumber() throws Exception {
        receiver = PoliceReceiver.start(ReceiverConfig.randomPort());
        HttpResponse<String> noId = send("/handovers", "{\"ticketNumber\":\"HZ1\"}", null);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("handoverId");
        assertThat(send("/handovers", "{\"handoverId\":\"h-1\"}", null).statusCode()).isEqualTo(400);
        assertThat(send("/handovers", "not json", null).statusCode()).isEqualTo(400);
        assertThat(send("/handovers", "{\"handoverId\":\"h-1\",\"ticketNumber\":\"HZ1\"}", "other-key").statusCode()).isEqualTo(400);
        assertThat(receiver.handovers()).isEmpty();
    }

    @Test
    void aLostAcknowledgementStillKeepsTheHandoverOnce() throws Exception {
        receiver = PoliceReceiver.start(ReceiverConfig.randomPort());
        String id = UUID.randomUUID().toString();
        assertThat(send("/control/lose-acks?enabled=true", "", null).statusCode()).isEqualTo(200);
        assertThat(post(id, "HZ20261121000002").statusCode()).isEqualTo(503);
        receiver.loseAcks(false);
        HttpResponse<String> redelivered = post(id, "HZ20261121000002");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(receiver.handovers()).singleElement().satisfies(h -> {
            assertThat(h.deliveries()).isEqualTo(2);
            assertThat(redelivered.body()).contains(h.acknowledgementId());
        });
    }

    @Test
    void aDataFileKeepsHandoversAcrossARestartAndStopStartKeepsThePort(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("handovers.jsonl");
        receiver = PoliceReceiver.start(ReceiverConfig.randomPort().withDataFile(file));
        String id = UUID.randomUUID().toString();
        String ack = (String) JSON.readValue(post(id, "HZ20261121000003").body(), Map.class).get("acknowledgementId");
        int port = receiver.port();
        receiver.stop();
        assertThatRefused(port);
        receiver.start();
        assertThat(receiver.port()).isEqualTo(port);
        receiver.close();

        receiver = PoliceReceiver.start(ReceiverConfig.randomPort().withDataFile(file));
        HttpResponse<String> again = post(id, "HZ20261121000003");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(ack);
        String next = (String) JSON.readValue(post(UUID.randomUUID().toString(), "HZ20261121000004").body(), Map.class)
                .get("acknowledgementId");
        assertThat(next).isNotEqualTo(ack).endsWith("000002");
        assertThat(receiver.handovers()).hasSize(2);
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    private void assertThatRefused(int port) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("the stopped receiver still answers");
        } catch (IOException expected) {
            // connection refused
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> post(String id, String ticketNumber) throws Exception {
        String body = JSON.writeValueAsString(Map.of("handoverId", id, "ticketNumber", ticketNumber, "content", "有人持械斗殴"));
        return send("/handovers", body, id);
    }

    private HttpResponse<String> send(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
