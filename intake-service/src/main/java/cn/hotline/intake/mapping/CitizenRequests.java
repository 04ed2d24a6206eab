package cn.hotline.intake.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

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

    /** The follow-up recorded from a survey reply. */
    public record SurveyRecorded(String number, String status, String satisfaction) {
    }
}
