package cn.hotline.sla.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One stage timer, the truth the Redis schedule is rebuilt from. Firing points are numbered: warnings
 * {@code 0..t-1}, the breach {@code t}, overdue reminders {@code t+1...}; {@code nextIndex} is the next
 * unfired one and {@code nextDueAt} its instant (null when nothing is scheduled).
 */
@Entity
@Table(name = "sla_timer")
public class TimerEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "dispatch_id")
    public String dispatchId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "handler_id")
    public String handlerId;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "town_code")
    public String townCode;
    public String urgency;
    @Column(name = "policy_code")
    public String policyCode;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    @Enumerated(EnumType.STRING)
    public TimerScope scope;
    @Column(name = "stop_event")
    public String stopEvent;
    @Column(name = "calendar_name")
    public String calendarName;
    @Enumerated(EnumType.STRING)
    public TimeMode mode;
    public String duration;
    public String extension;
    public String thresholds;
    @Column(name = "reminder_interval")
    public String reminderInterval;
    @Column(name = "max_reminders")
    public int maxReminders;
    @Column(name = "started_at")
    public Instant startedAt;
    public Instant deadline;
    @Column(name = "warning_instants")
    public String warningInstants = "";
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "paused_spans")
    public String pausedSpans = "";
    @Enumerated(EnumType.STRING)
    public TimerState state;
    public boolean breached;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Column(name = "next_index")
    public int nextIndex;
    @Column(name = "next_due_at")
    public Instant nextDueAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "on_time")
    public Boolean onTime;
    @Column(name = "warnings_fired")
    public String warningsFired = "";
    @Column(name = "reminders_fired")
    public int remindersFired;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;
}
