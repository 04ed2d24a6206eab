package cn.hotline.intake.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A unit a ticket is dispatched to (read-only mapping for queries; written by {@code TicketUnitRepository}). */
@Entity
@Table(name = "ticket_unit")
@IdClass(TicketUnit.Key.class)
public class TicketUnit {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Id
    @Column(name = "dispatch_id")
    public String dispatchId;
    @Id
    @Column(name = "unit_code")
    public String unitCode;
    public String role;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID ticketId;
        public String dispatchId;
        public String unitCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ticketId, k.ticketId)
                    && Objects.equals(dispatchId, k.dispatchId) && Objects.equals(unitCode, k.unitCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, dispatchId, unitCode);
        }
    }
}
