package cn.hotline.notify.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import cn.hotline.notify.domain.RecipientRole;
import cn.hotline.notify.domain.Trigger;

/** A reminder ladder (催办) as the API (/api/v1/escalation-chains) and the YAML seed (escalation-chains.yaml) carry it. */
public record ReminderLadderDto(@NotBlank String policyCode, @NotBlank String stage,
        @NotEmpty List<@Valid @NotNull Level> levels) {

    /** One level: {@code delay} is ISO-8601 (e.g. PT5M) after the trigger, absent = at once. */
    public record Level(@Min(1) int level, @NotNull Trigger trigger, Integer thresholdPercent, String delay,
            @NotEmpty List<@NotNull RecipientRole> recipients, @NotBlank String template) {
    }
}
