package cn.hotline.intake.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.hotline.events.Satisfaction;

/** The bodies notify posts on a citizen's behalf after an SMS reply, and intake's answers to them. */
public final class CitizenRequests {

    private CitizenRequests() {
    }

    /** A survey reply: the number it came from (must be the ticket's caller) and the satisfaction it chose. */
    public record SurveyReply(
            @NotBlank @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE) String phone,
            @NotNull Satisfaction satisfaction) {
    }

    /** TD / 退订 from this number: no citizen SMS to it any more. */
    public record OptOut(@NotBlank @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE) String phone) {
    }

    /** A new progress-link token for the acknowledgement SMS (the caller appends it to its link base). */
    public record ProgressLink(String token) {
    }

    /** The contacts of up to 100 tickets at once (notify's citizen SMS of one claim); a progress link where asked. */
    public record ContactBatch(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull ContactQuestion> tickets) {
    }

    /** One ticket of a {@link ContactBatch}; {@code progressLink}: issue a progress link if the caller can be texted. */
    public record ContactQuestion(@NotNull UUID ticketId, boolean progressLink) {
    }

    /** The answer to a {@link ContactBatch}: the tickets that exist (unknown ones are left out), in the asked order. */
    public record Contacts(List<ContactAnswer> contacts) {
    }

    /** A contact as {@code GET …/contact} answers it, with the progress token when one was asked for and issued. */
    public record ContactAnswer(UUID ticketId, String number, String status, String phone, boolean optedOut,
            String progressToken) {
    }

    /** The follow-up recorded from a survey reply. */
    public record SurveyRecorded(String number, String status, String satisfaction) {
    }
}
