package cn.hotline.intake.mapping;

import java.time.Instant;
import java.util.Map;

/** Volumes of a window for the cockpit and the reports: by channel, kind, top-level category and county. */
public record TicketStats(Instant from, Instant to, long total, Map<String, Long> byChannel, Map<String, Long> byKind,
        Map<String, Long> byCategory, Map<String, Long> byCounty, long repeatComplainants, long possibleDuplicates,
        long mergedAway, java.util.List<cn.hotline.intake.repository.HotwordSurgeRepository.Surge> hotwordSurges) {
}
