package cn.hotline.intake.mapping;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;

/** A non-police matter transferred in from the 110 centre, keeping its incident number; URGENT unless told. */
public record PoliceTransferRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "must be the 110 incident number (letters, digits, '-')")
        String incidentNumber,
        Kind kind,
        Urgency urgency,
        @Size(max = 16) @Pattern(regexp = "^[0-9]{2,12}$", message = "must be a category code from GET /api/v1/categories")
        String categoryCode,
        @NotBlank @Size(max = 4000) @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String content,
        @Valid CreateTicketRequest.Caller caller,
        @Valid CreateTicketRequest.Location location,
        Instant occurredAt,
        @Size(max = 64) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String policeOfficer) {
}
