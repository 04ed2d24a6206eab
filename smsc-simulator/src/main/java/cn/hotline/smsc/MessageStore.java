package cn.hotline.smsc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every message received, in arrival order; parts of a concatenated message are held until all arrived. */
public final class MessageStore {

    /** One received part, before reassembly. */
    record ReceivedPart(String messageId, String systemId, String source, String destination, int dataCoding,
            boolean receiptRequested, ShortMessageCodec.Part part, Instant receivedAt) {
    }

    private final List<StoredMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, ReceivedPart[]> pending = new ConcurrentHashMap<>();

    /** Adds a part; returns the completed message when this part completes one, else null. */
    synchronized StoredMessage add(ReceivedPart received) {
        ShortMessageCodec.Part part = received.part();
        if (part.total() <= 1) {
            return store(List.of(received));
        }
        String key = received.source() + "|" + received.destination() + "|" + part.reference() + "|" + part.total();
        ReceivedPart[] parts = pending.computeIfAbsent(key, k -> new ReceivedPart[part.total()]);
        if (part.sequence() <= parts.length) {
            parts[part.sequence() - 1] = received;
        }
        for (ReceivedPart p : parts) {
            if (p == null) {
                return null;
            }
        }
        pending.remove(key);
        return store(List.of(parts));
    }

    private StoredMessage store(List<ReceivedPart> parts) {
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (ReceivedPart p : parts) {
            text.append(ShortMessageCodec.decode(p.part().body(), p.dataCoding()));
            ids.add(p.messageId());
        }
        ReceivedPart first = parts.get(0);
        StoredMessage message = new StoredMessage(first.messageId(), List.copyOf(ids), first.systemId(), first.source(),
                first.destination(), text.toString(), parts.size(), first.dataCoding(), first.receiptRequested(),
                parts.get(parts.size() - 1).receivedAt());
        messages.add(message);
        return message;
    }

    /** Every complete message so far, oldest first. */
    public List<StoredMessage> all() {
        return List.copyOf(messages);
    }

    /** Forgets every message (and incomplete parts). */
    public synchronized void clear() {
        messages.clear();
        pending.clear();
    }
}
