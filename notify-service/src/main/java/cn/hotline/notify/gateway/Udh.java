package cn.hotline.notify.gateway;

import java.nio.charset.StandardCharsets;

/** Encodes one part's bytes, with the 8-bit-reference concatenation UDH (05 00 03 ref total seq) when split. */
final class Udh {

    private Udh() {
    }

    static byte[] body(String part, boolean ucs2, boolean concatenated, int reference, int total, int sequence) {
        byte[] text = part.getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
        if (!concatenated) {
            return text;
        }
        byte[] out = new byte[6 + text.length];
        out[0] = 0x05;
        out[1] = 0x00;
        out[2] = 0x03;
        out[3] = (byte) reference;
        out[4] = (byte) total;
        out[5] = (byte) sequence;
        System.arraycopy(text, 0, out, 6, text.length);
        return out;
    }
}
