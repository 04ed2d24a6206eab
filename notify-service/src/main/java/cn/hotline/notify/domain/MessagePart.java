package cn.hotline.notify.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One submitted SMPP part's message id, so a receipt for any part finds its notification. */
@Entity
@Table(name = "message_part")
public class MessagePart {

    @Id
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "notification_id")
    public UUID notificationId;

    public MessagePart() {
    }

    public MessagePart(String messageId, UUID notificationId) {
        this.messageId = messageId;
        this.notificationId = notificationId;
    }
}
