package cn.hotline.sla.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stored working calendar: hours, weekdays and the imported days off and make-up working days. */
@Entity
@Table(name = "working_calendar")
public class CalendarEntity extends PanacheEntityBase {

    @Id
    public String name;
    public String zone;
    public String periods;
    public String weekdays;
    @Column(name = "days_off")
    public String daysOff = "";
    @Column(name = "make_up_days")
    public String makeUpDays = "";
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
