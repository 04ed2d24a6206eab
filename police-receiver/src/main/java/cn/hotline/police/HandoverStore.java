package cn.hotline.police;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What 110 received, deduplicated by hand-over id: the first delivery is stored and acknowledged, a repeat gets the
 * same acknowledgement back. With a data file every change is appended (one JSON line) and forced to disk before the
 * acknowledgement is answered, and the file is replayed at start.
 */
final class HandoverStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

    /** The answer to one delivery: the stored hand-over and whether this delivery was its first. */
    record Outcome(ReceivedHandover handover, boolean first) {
    }

    private final Map<String, ReceivedHandover> byId = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final Clock clock;
    private final Path file;
    private long sequence;

    HandoverStore(ObjectMapper json, Clock clock, Path file) {
        this.json = json;
        this.clock = clock;
        this.file = file;
        if (file != null) {
            replay();
        }
    }

    synchronized Outcome receive(String handoverId, Map<String, Object> body) {
        Instant now = clock.instant();
        ReceivedHandover known = byId.get(handoverId);
        if (known != null) {
            ReceivedHandover again = known.redelivered(now);
            persist(again);
            byId.put(handoverId, again);
            return new Outcome(again, false);
        }
        sequence++;
        ReceivedHandover fresh = new ReceivedHandover("110-ACK-" + DAY.format(now) + "-" + String.format("%06d", sequence),
                handoverId, now, 1, now, body);
        persist(fresh);
        byId.put(handoverId, fresh);
        return new Outcome(fresh, true);
    }

    synchronized List<ReceivedHandover> all() {
        return List.copyOf(byId.values());
    }

    synchronized void clear() {
        byId.clear();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + file, e);
            }
        }
    }

    private void persist(ReceivedHandover handover) {
        if (file == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            byte[] line = (json.writeValueAsString(handover) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.write(java.nio.ByteBuffer.wrap(line));
            // Acknowledged means kept: the line is on disk before the answer leaves.
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void replay() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                ReceivedHandover h = json.readValue(line, ReceivedHandover.class);
                if (!byId.containsKey(h.handoverId())) {
                    sequence++;
                }
                byId.put(h.handoverId(), h);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (remove it to start empty)", e);
        }
    }

    /** For the status view. */
    synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("handovers", byId.size());
        status.put("deliveries", byId.values().stream().mapToInt(ReceivedHandover::deliveries).sum());
        status.put("dataFile", file == null ? null : file.toString());
        return status;
    }
}
