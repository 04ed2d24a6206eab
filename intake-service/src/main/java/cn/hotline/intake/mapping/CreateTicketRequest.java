package cn.hotline.intake.mapping;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.hotline.intake.domain.Channel;
import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;

/** The ticket shape of the contract, for every channel; validated before anything is stored. */
public record CreateTicketRequest(
        @NotNull Channel channel,
        @NotNull Kind kind,
        Urgency urgency,
        @Size(max = 16) @Pattern(regexp = "^[0-9]{2,12}$", message = "must be a category code from GET /api/v1/categories")
        String categoryCode,
        @NotBlank @Size(max = 4000) @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String content,
        @Valid Caller caller,
        @Valid Location location,
        @Size(max = 20) List<@Valid @NotNull Attachment> attachments,
        Instant occurredAt,
        @Size(max = 64) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String proxyAgent) {

    /**
     * Who called: name, phone (mainland mobile or landline), optional resident ID number; {@code smsOptOut} true when
     * the caller wants no SMS about this ticket (acknowledgement, completion survey).
     */
    public record Caller(
            @Size(max = 64) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String name,
            @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE) String phone,
            @Pattern(regexp = Patterns.ID_NUMBER, message = "must be an 18-character resident ID number") String idNumber,
            Boolean smsOptOut) {
    }

    /** Where it happened: lat/lon, address text, or both. */
    public record Location(
            @DecimalMin(value = "-90.0") @DecimalMax(value = "90.0") Double lat,
            @DecimalMin(value = "-180.0") @DecimalMax(value = "180.0") Double lon,
            @Size(max = 256) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String address) {
    }

    /** Metadata of a file kept elsewhere (photo, letter scan). */
    public record Attachment(
            @NotBlank @Size(max = 128) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String name,
            @Size(max = 64) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String contentType,
            @PositiveOrZero Long size,
            @Size(max = 512) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String url) {
    }
}
