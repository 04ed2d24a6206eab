package cn.hotline.intake.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.hotline.intake.repository.HotwordSurgeRepository;

/** Volumes of a window for the cockpit and the reports: by channel, kind, top-level category and county. */
public record TicketStats(Instant from, Instant to, long total, Map<String, Long> byChannel, Map<String, Long> byKind,
        Map<String, Long> byCategory, Map<String, Long> byCounty, long repeatComplainants, long possibleDuplicates,
        long mergedAway, List<HotwordSurgeRepository.Surge> hotwordSurges) {
}
