package cn.hotline.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;
import cn.hotline.intake.repository.SealedText;

/** A citizen request as intake keeps it; caller phone/ID in full only in this row (sealed at rest), never in toString or logs. */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    public UUID id;
    public String number;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "category_code")
    public String categoryCode;
    public String content;
    /** Name, phone and ID number are sealed in the database (AES-GCM, {@code SealedText}); found by their HMACs. */
    @Column(name = "caller_name")
    @Convert(converter = SealedText.class)
    public String callerName;
    @Column(name = "caller_phone")
    @Convert(converter = SealedText.class)
    public String callerPhone;
    @Column(name = "caller_phone_hmac")
    public String callerPhoneHmac;
    @Column(name = "caller_phone_masked")
    public String callerPhoneMasked;
    @Column(name = "caller_id_number")
    @Convert(converter = SealedText.class)
    public String callerIdNumber;
    @Column(name = "caller_id_hmac")
    public String callerIdHmac;
    @Column(name = "caller_id_masked")
    public String callerIdMasked;
    /** The caller chose at intake to get no SMS about this ticket. */
    @Column(name = "sms_opt_out")
    public boolean smsOptOut;
    public Double lat;
    public Double lon;
    public String address;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "town_code")
    public String townCode;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String flags = "";
    public String attachments;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "operator_id")
    public String operatorId;
    @Column(name = "proxy_agent")
    public String proxyAgent;
    /** Set by {@link #accept}, moved by {@link #moveTo} (or set-based, see TicketTransitions) along {@link TicketTransitions}. */
    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    @Column(name = "master_ticket_id")
    public UUID masterTicketId;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "awaiting_since")
    public Instant awaitingSince;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public List<String> flagList() {
        return flags == null || flags.isEmpty() ? List.of() : Arrays.asList(flags.split(","));
    }

    public void addFlag(String flag) {
        List<String> list = new ArrayList<>(flagList());
        if (!list.contains(flag)) {
            list.add(flag);
            flags = String.join(",", list);
        }
    }

    public TerritoryResult territory() {
        return new TerritoryResult(countyCode, townCode, villageCode, resolvedBy);
    }

    public TicketStatus status() {
        return status;
    }

    /** A new ticket, registered at {@code at}: it starts in the table's initial status. */
    public void accept(Instant at) {
        if (status != null) {
            throw new IllegalStateException(this + " was registered already");
        }
        status = TicketTransitions.INITIAL;
        receivedAt = at;
        updatedAt = at;
    }

    /** Moves along the status table; false (nothing changed) when the table does not allow it. */
    public boolean moveTo(TicketStatus next, Instant at) {
        if (!TicketTransitions.allowed(status, next)) {
            return false;
        }
        status = next;
        updatedAt = at;
        awaitingSince = next == TicketStatus.AWAITING_FOLLOWUP ? at : null;
        if (next == TicketStatus.CLOSED) {
            closedAt = at;
        }
        return true;
    }

    @Override
    public String toString() {
        return "Ticket[" + id + ", " + number + ", " + status + "]";
    }
}
