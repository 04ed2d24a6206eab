package cn.hotline.smsc;

import java.time.Instant;
import java.util.List;

/**
 * One short message as the SMSC received it: the parts of a concatenated message already reassembled.
 * {@code id} is the message id answered for the first part; {@code partIds} lists every part's id.
 */
public record StoredMessage(String id, List<String> partIds, String systemId, String source, String destination,
        String text, int segments, int dataCoding, boolean receiptRequested, Instant receivedAt) {
}
