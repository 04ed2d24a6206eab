package cn.hotline.notify.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A level to fire at {@code dueAt} (PENDING → FIRED or CANCELLED, {@link MessageTransitions#LEVEL}); {@code context} is the trigger as JSON. */
@Entity
@Table(name = "scheduled_level")
public class ScheduledLevel {

    @Id
    public UUID id;

    @Column(name = "trigger_key")
    public String triggerKey;

    public String scope;

    @Column(name = "ticket_id")
    public String ticketId;

    public String stage;

    public int level;

    @Column(name = "level_id")
    public long levelId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public LevelStatus status;

    public String context;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The replica that claimed it last (kept for the audit), the claim's token, and until when the claim holds. */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "claimed_until")
    public Instant claimedUntil;
}
