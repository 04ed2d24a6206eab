package cn.hotline.notify.gateway;

import java.util.ArrayList;
import java.util.List;

import cn.hotline.notify.domain.SmsText;

/**
 * Chooses the encoding and splits a text into SMS parts: GSM-7 (160 single / 153 per part) when every
 * character is in the safe GSM-7 subset, else UCS-2 (70 single / 67 per part). Never splits a surrogate pair.
 */
public final class SmsEncoder {

    private static final String GSM_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;!?'\"()+-*/=%&#<>\n";

    private SmsEncoder() {
    }

    public static SmsText encode(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM_SAFE.indexOf(c) >= 0);
        int single = gsm ? 160 : 70;
        int perPart = gsm ? 153 : 67;
        int length = text.length();
        List<String> parts = new ArrayList<>();
        if (length <= single) {
            parts.add(text);
        } else {
            int start = 0;
            while (start < length) {
                int end = Math.min(length, start + perPart);
                if (end < length && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                parts.add(text.substring(start, end));
                start = end;
            }
        }
        return new SmsText(text, gsm ? "GSM7" : "UCS2", text.codePointCount(0, length), List.copyOf(parts));
    }
}
