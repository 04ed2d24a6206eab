package cn.hotline.notify.gateway;

import java.time.Instant;

/** Where the SMPP link hands what the SMSC delivers: receipts and mobile-originated messages. */
public interface InboundListener {

    void onReceipt(String messageId, String state, Instant doneAt);

    void onMobileOriginated(String fromPhone, String text);
}
