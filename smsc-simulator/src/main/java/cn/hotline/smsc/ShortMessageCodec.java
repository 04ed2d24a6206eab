package cn.hotline.smsc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decodes a submit_sm's bytes: the user data header (concatenation) and the text per data_coding. */
final class ShortMessageCodec {

    /** Concatenation info of one part; {@code total == 1} for a single message. */
    record Part(int reference, int total, int sequence, byte[] body) {
    }

    private ShortMessageCodec() {
    }

    /** Splits off a UDH (when the esm_class UDHI bit is set) and reads its concatenation element, if any. */
    static Part split(byte[] message, boolean udhi) {
        if (!udhi || message.length == 0) {
            return new Part(0, 1, 1, message);
        }
        int udhLength = message[0] & 0xff;
        int end = Math.min(message.length, 1 + udhLength);
        int reference = 0;
        int total = 1;
        int sequence = 1;
        int i = 1;
        while (i + 1 < end) {
            int iei = message[i] & 0xff;
            int length = message[i + 1] & 0xff;
            if (iei == 0x00 && length == 3 && i + 4 < end) {
                reference = message[i + 2] & 0xff;
                total = message[i + 3] & 0xff;
                sequence = message[i + 4] & 0xff;
            } else if (iei == 0x08 && length == 4 && i + 5 < end) {
                reference = ((message[i + 2] & 0xff) << 8) | (message[i + 3] & 0xff);
                total = message[i + 4] & 0xff;
                sequence = message[i + 5] & 0xff;
            }
            i += 2 + length;
        }
        return new Part(reference, Math.max(total, 1), Math.max(sequence, 1), Arrays.copyOfRange(message, end, message.length));
    }

    /** The text of {@code body}: UCS-2 (big-endian) for data_coding 8, Latin-1 for 3, else GSM/ASCII bytes. */
    static String decode(byte[] body, int dataCoding) {
        int coding = dataCoding & 0xff;
        if (coding == 0x08) {
            return new String(body, StandardCharsets.UTF_16BE);
        }
        if (coding == 0x03) {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
        return new String(body, StandardCharsets.US_ASCII);
    }

    /** Encodes text for a mobile-originated message: ASCII when it can, else UCS-2; returns the data_coding too. */
    static Encoded encode(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? new Encoded((byte) 0x00, text.getBytes(StandardCharsets.US_ASCII))
                : new Encoded((byte) 0x08, text.getBytes(StandardCharsets.UTF_16BE));
    }

    /** Encoded bytes and their data_coding. */
    record Encoded(byte dataCoding, byte[] bytes) {
    }
}
