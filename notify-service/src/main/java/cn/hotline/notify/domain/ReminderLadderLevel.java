package cn.hotline.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One level of a reminder ladder (催办; table escalation_level, the schema's name) (policy × stage): when it fires, after what delay, to whom, with which template. */
@Entity
@Table(name = "escalation_level")
public class ReminderLadderLevel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_code")
    public String policyCode;

    public String stage;

    public int level;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type")
    public Trigger trigger;

    @Column(name = "threshold_percent")
    public Integer thresholdPercent;

    @Column(name = "delay_seconds")
    public long delaySeconds;

    /** Comma-separated {@link RecipientRole} names. */
    public String recipients;

    @Column(name = "template_code")
    public String templateCode;

    @Version
    public int version;
}
