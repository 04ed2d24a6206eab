package cn.hotline.notify.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One SMS to one person, claimed under its dedup key before it is sent; the audit log reads these. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "dispatch_id")
    public String dispatchId;

    public String scope;

    public String stage;

    public int level;

    @Column(name = "recipient_id")
    public String recipientId;

    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "recipient_phone")
    public String recipientPhone;

    @Column(name = "template_code")
    public String templateCode;

    /** The template variables as JSON (for the cloud API's template-id + parameters route). */
    public String params;

    public String text;

    public String encoding;

    public int length;

    public int segments;

    public boolean urgent;

    @Column(name = "reply_code")
    public String replyCode;

    public String gateway;

    @Column(name = "message_id")
    public String messageId;

    @Enumerated(EnumType.STRING)
    public NotificationStatus status;

    public String error;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The replica that claimed it last (kept for the audit), the claim's token, and until when the claim holds. */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Version
    public int version;

    /** Moves to {@code next}, refusing a move {@link MessageTransitions#NOTIFICATION} does not have. */
    public void become(NotificationStatus next) {
        status = MessageTransitions.NOTIFICATION.move("notification " + id, status, next);
    }
}
