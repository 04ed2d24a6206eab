package cn.hotline.notify.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mobile-originated SMS, stored before the deliver_sm is answered and then processed (RECEIVED → PROCESSED). */
@Entity
@Table(name = "inbound_sms")
public class InboundSms {

    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSED = "PROCESSED";

    @Id
    public UUID id;

    @Column(name = "from_phone")
    public String fromPhone;

    public String text;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String status;

    public String outcome;
}
