package cn.hotline.notify.gateway;

import java.util.List;

/** A gateway's acceptance: which gateway, and the message ids it answered (one per SMPP part). */
public record SmsResult(String gateway, List<String> messageIds) {

    public static final String SMPP = "SMPP";
    public static final String HTTP = "HTTP";

    public String messageId() {
        return messageIds.isEmpty() ? null : messageIds.get(0);
    }
}
