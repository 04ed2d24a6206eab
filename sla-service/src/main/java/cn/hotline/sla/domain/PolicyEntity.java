package cn.hotline.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stored SLA policy; list columns are comma-separated, stages are JSON. */
@Entity
@Table(name = "sla_policy")
public class PolicyEntity extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public int priority;
    public String urgencies = "";
    public String kinds = "";
    @Column(name = "category_prefixes")
    public String categoryPrefixes = "";
    public String channels = "";
    public String flags = "";
    @Column(name = "calendar_name")
    public String calendarName;
    public String stages;
    @Version
    public int version;
}
