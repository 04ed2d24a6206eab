package cn.hotline.routing.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One action taken on a dispatch (who, what, from which state to which, notes); the dispatch's history. */
@Entity
@Table(name = "dispatch_action")
public class DispatchActionLog {

    @Id
    public UUID id;
    public UUID dispatchId;
    public String action;
    public String actor;
    public String actingUnitCode;
    public String fromState;
    public String toState;
    public String reasonCode;
    public String note;
    public Double lat;
    public Double lon;
    public Instant at;
    /** Creation order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
