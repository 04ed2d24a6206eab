package cn.hotline.sla.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What KPIs need to know about one dispatch, kept from consumed dispatch events. */
@Entity
@Table(name = "kpi_dispatch")
public class DispatchFact extends PanacheEntityBase {

    @Id
    @Column(name = "dispatch_id")
    public String dispatchId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "town_code")
    public String townCode;
    public String urgency;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "sign_deadline")
    public Instant signDeadline;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "arrive_deadline")
    public Instant arriveDeadline;
    @Column(name = "arrived_at")
    public Instant arrivedAt;
    public boolean returned;
    @Column(name = "completed_at")
    public Instant completedAt;
    public boolean breached;
}
