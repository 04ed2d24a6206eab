package cn.hotline.routing.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;

import cn.hotline.events.Kind;
import cn.hotline.events.Urgency;

/**
 * A catalogue rule as the import API and the seed take it. {@code lead} and {@code assisting} entries are
 * unit codes, {@code TOWN_GOVERNMENT}, {@code VILLAGE_COMMITTEE} or {@code COUNTY:<unit kind>}.
 */
public record RuleImport(
        @NotBlank String ruleId,
        @NotBlank String categoryCode,
        Kind kind,
        Urgency urgency,
        @NotBlank String territoryCode,
        @NotBlank String lead,
        List<String> assisting,
        Integer priority,
        String description,
        OffsetDateTime effectiveFrom) {
}
