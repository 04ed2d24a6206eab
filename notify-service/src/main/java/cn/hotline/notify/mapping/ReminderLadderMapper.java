package cn.hotline.notify.mapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hotline.notify.domain.RecipientRole;
import cn.hotline.notify.domain.ReminderLadderLevel;

/** Reminder-ladder levels ↔ ladder DTOs. */
public final class ReminderLadderMapper {

    private ReminderLadderMapper() {
    }

    public static List<ReminderLadderLevel> toEntities(ReminderLadderDto chain) {
        List<ReminderLadderLevel> levels = new ArrayList<>();
        for (ReminderLadderDto.Level l : chain.levels()) {
            ReminderLadderLevel e = new ReminderLadderLevel();
            e.policyCode = chain.policyCode();
            e.stage = chain.stage();
            e.level = l.level();
            e.trigger = l.trigger();
            e.thresholdPercent = l.thresholdPercent();
            e.delaySeconds = l.delay() == null || l.delay().isBlank() ? 0 : Duration.parse(l.delay()).toSeconds();
            e.recipients = l.recipients().stream().map(Enum::name).collect(Collectors.joining(","));
            e.templateCode = l.template();
            levels.add(e);
        }
        return levels;
    }

    public static List<ReminderLadderDto> toChains(List<ReminderLadderLevel> levels) {
        Map<String, List<ReminderLadderLevel>> grouped = new LinkedHashMap<>();
        levels.forEach(l -> grouped.computeIfAbsent(l.policyCode + "\u0000" + l.stage, k -> new ArrayList<>()).add(l));
        return grouped.values().stream().map(ReminderLadderMapper::toChain).toList();
    }

    private static ReminderLadderDto toChain(List<ReminderLadderLevel> levels) {
        ReminderLadderLevel first = levels.get(0);
        return new ReminderLadderDto(first.policyCode, first.stage, levels.stream().map(l -> new ReminderLadderDto.Level(
                l.level, l.trigger, l.thresholdPercent, l.delaySeconds == 0 ? null : Duration.ofSeconds(l.delaySeconds).toString(),
                roles(l.recipients), l.templateCode)).toList());
    }

    public static List<RecipientRole> roles(String recipients) {
        return Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(RecipientRole::valueOf).toList();
    }
}
