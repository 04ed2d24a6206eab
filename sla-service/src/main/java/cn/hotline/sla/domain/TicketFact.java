package cn.hotline.sla.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What KPIs and policy selection need to know about one ticket, kept from consumed events. */
@Entity
@Table(name = "kpi_ticket")
public class TicketFact extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    public String urgency;
    public String kind;
    public String channel;
    @Column(name = "category_code")
    public String categoryCode;
    public String flags = "";
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "town_code")
    public String townCode;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "first_assigned_at")
    public Instant firstAssignedAt;
    @Column(name = "close_deadline")
    public Instant closeDeadline;
    @Column(name = "three_day_deadline")
    public Instant threeDayDeadline;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    public String resolution;
    public String satisfaction;
    @Column(name = "reopen_count")
    public int reopenCount;
    public boolean breached;
}
