package cn.hotline.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A dispatch (派单) of one ticket to a lead unit (主办) and assisting units (协办), with its state. */
@Entity
@Table(name = "dispatch")
public class Dispatch {

    @Id
    public UUID id;
    public String ticketId;
    public String ticketNumber;
    /** Moves only by {@link #move}, as {@link DispatchTransitions} allows; a new dispatch starts UNASSIGNED. */
    @Enumerated(EnumType.STRING)
    private DispatchState state = DispatchState.UNASSIGNED;
    @Enumerated(EnumType.STRING)
    public Queue queue;
    public String leadUnitCode;
    public String leadUnitName;
    @Convert(converter = JsonListConverters.AssistParts.class)
    @Column(name = "assisting")
    public List<AssistPart> assisting = new ArrayList<>();
    public String handlerId;
    public int escalationLevel;
    public String escalationReason;
    public String ruleId;
    public Integer ruleVersion;
    @Convert(converter = JsonListConverters.Strings.class)
    public List<String> explanation = new ArrayList<>();
    public String countyCode;
    public String townCode;
    public String villageCode;
    public String resolvedBy;
    public String categoryCode;
    public String kind;
    public String urgency;
    public String channel;
    public String address;
    public Double lat;
    public Double lon;
    public String caseLeaderId;
    public boolean extensionPending;
    public String extensionDuration;
    public String extensionReason;
    public Boolean extensionApproved;
    public String returnReasonCode;
    public String returnNote;
    public String reviewNote;
    public UUID previousDispatchId;
    public String triggerEventId;
    public Instant createdAt;
    public Instant updatedAt;
    /** Creation order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Version
    public long version;

    public DispatchState state() {
        return state;
    }

    /**
     * Performs {@code action}'s move in the transition table (its row's next state, or the same state for an
     * action that keeps it); an action the table has no row for in the current state is refused.
     */
    public DispatchTransitions.Transition move(DispatchAction action) {
        DispatchTransitions.Transition transition = DispatchTransitions.find(state, action).orElseThrow(
                () -> new IllegalStateException(action.path() + " is not allowed in state " + state));
        state = transition.next(state);
        return transition;
    }

    /** Assisting units that have neither reported nor been released. */
    public List<String> pendingAssisting() {
        return assisting.stream().filter(AssistPart::outstanding).map(AssistPart::unitCode).toList();
    }

    /** The part of {@code unitCode}, if that unit assists. */
    public java.util.Optional<AssistPart> assistPart(String unitCode) {
        return assisting.stream().filter(a -> a.unitCode().equals(unitCode)).findFirst();
    }

    public boolean hasAssisting(String unitCode) {
        return assisting.stream().anyMatch(a -> a.unitCode().equals(unitCode));
    }

    /** Replaces the part of {@code unitCode} (a new list, so the dirty check sees the change). */
    public void updateAssist(String unitCode, String status, String report) {
        List<AssistPart> next = new ArrayList<>();
        for (AssistPart part : assisting) {
            next.add(part.unitCode().equals(unitCode) ? part.with(status, report) : part);
        }
        assisting = next;
    }
}
