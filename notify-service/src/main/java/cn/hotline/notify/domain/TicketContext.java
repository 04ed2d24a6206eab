package cn.hotline.notify.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What notify knows of a ticket's current dispatch (from dispatch.* events), for templates and recipients. */
@Entity
@Table(name = "ticket_context")
public class TicketContext {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "dispatch_id")
    public String dispatchId;

    @Column(name = "category_code")
    public String categoryCode;

    public String address;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "town_code")
    public String townCode;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "unit_name")
    public String unitName;

    @Column(name = "handler_id")
    public String handlerId;

    @Column(name = "case_leader_id")
    public String caseLeaderId;

    public String urgency;

    public String state;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
