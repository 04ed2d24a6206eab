package cn.hotline.notify.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mobile-originated SMS, stored before the deliver_sm is answered and then processed (RECEIVED → PROCESSED). */
@Entity
@Table(name = "inbound_sms")
public class InboundSms {

    @Id
    public UUID id;

    @Column(name = "from_phone")
    public String fromPhone;

    public String text;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public InboundStatus status;

    public String outcome;

    /** Moves to {@code next} as {@link MessageTransitions#INBOUND} allows. */
    public void become(InboundStatus next) {
        status = MessageTransitions.INBOUND.move("inbound SMS " + id, status, next);
    }
}
