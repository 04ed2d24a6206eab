package cn.hotline.intake.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.hotline.events.Satisfaction;
import cn.hotline.intake.domain.Resolution;

/** The follow-up call's answers; {@code reopen} asks for the matter to be handled again (重办). */
public record FollowUpRequest(@NotNull Resolution resolution, @NotNull Satisfaction satisfaction,
        @Size(max = 2000) @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String note, Boolean reopen) {
}
