package cn.hotline.intake.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.support.security.Masking;

/** Ticket entity ↔ API records; decides what is masked for whom. */
@ApplicationScoped
public class TicketMapper {

    private static final TypeReference<List<CreateTicketRequest.Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public TicketMapper(ObjectMapper json) {
        this.json = json;
    }

    /** {@code fullPii}: the reader may see the caller's phone/ID in full (operator, supervisor). */
    public TicketView toView(Ticket t, boolean fullPii, List<DuplicateSuggestion> suggestions) {
        TicketView.CallerView caller = t.callerName == null && t.callerPhone == null && t.callerIdNumber == null ? null
                : new TicketView.CallerView(t.callerName,
                        fullPii ? t.callerPhone : t.callerPhoneMasked,
                        fullPii ? t.callerIdNumber : t.callerIdMasked, t.smsOptOut);
        TicketView.LocationView location = t.lat == null && t.address == null ? null
                : new TicketView.LocationView(t.lat, t.lon, t.address);
        return new TicketView(t.id, t.number, t.status().name(), t.channel.name(), t.kind.name(), t.urgency.name(),
                t.categoryCode, fullPii ? t.content : TextMasking.mask(t.content), caller, location, t.territory(),
                t.flagList(), suggestions, attachments(t.attachments), t.externalRef, t.proxyAgent, t.masterTicketId,
                t.reopenCount, t.occurredAt, t.receivedAt, t.updatedAt, t.closedAt);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public String attachmentsJson(List<CreateTicketRequest.Attachment> attachments) {
        return attachments == null || attachments.isEmpty() ? null : write(attachments);
    }

    private List<CreateTicketRequest.Attachment> attachments(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachments are not JSON", e);
        }
    }

    public static String maskPhone(String phone) {
        return phone == null ? null : Masking.phone(phone);
    }

    public static String maskId(String id) {
        return id == null ? null : Masking.idNumber(id);
    }
}
