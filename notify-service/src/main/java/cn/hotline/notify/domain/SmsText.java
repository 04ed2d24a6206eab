package cn.hotline.notify.domain;

import java.util.List;

/** A rendered message: encoding (GSM7 or UCS2), length in characters, and its parts as sent. */
public record SmsText(String text, String encoding, int length, List<String> parts) {

    public int segments() {
        return parts.size();
    }

    public boolean ucs2() {
        return "UCS2".equals(encoding);
    }
}
