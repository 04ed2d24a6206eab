package cn.hotline.routing.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A capability link for one person of one unit on one dispatch (lead or assisting part); the token itself is not kept. */
@Entity
@Table(name = "field_link")
public class FieldLink {

    public static final String LEAD = "LEAD";
    public static final String ASSIST = "ASSIST";

    @Id
    public UUID id;
    public String tokenHash;
    public UUID dispatchId;
    public String personId;
    public String unitCode;
    public String part;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant revokedAt;
    public Instant lastUsedAt;
    public int uses;

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
