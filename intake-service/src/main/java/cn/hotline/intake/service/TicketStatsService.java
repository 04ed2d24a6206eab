package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.intake.mapping.TicketStats;
import cn.hotline.intake.repository.HotwordSurgeRepository;
import cn.hotline.intake.repository.TicketStatsRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The window's volumes (channel, kind, category, county), repeat callers and duplicates, and the hot-word surges raised. */
@ApplicationScoped
public class TicketStatsService {

    private final TicketStatsRepository tickets;
    private final HotwordSurgeRepository surges;
    private final IntakeConfig config;
    private final Clock clock;

    public TicketStatsService(TicketStatsRepository tickets, HotwordSurgeRepository surges, IntakeConfig config, Clock clock) {
        this.tickets = tickets;
        this.surges = surges;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The stats of [from, to) within {@code territory} (a desk kept to a county or town sees only its own); a missing
     * {@code to} is now, a missing {@code from} the start of this month (service's zone).
     */
    public Uni<TicketStats> stats(Instant start, Instant end, Territory territory) {
        ZoneId zone = ZoneId.of(config.zone());
        Instant to = end == null ? clock.instant() : end;
        Instant from = start == null ? LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).atStartOfDay(zone).toInstant() : start;
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        return Panache.withSession(() -> tickets.countBy("channel", from, to, territory)
                .flatMap(channel -> tickets.countBy("kind", from, to, territory)
                        .flatMap(kind -> tickets.countBy("category", from, to, territory)
                                .flatMap(category -> tickets.countBy("county", from, to, territory)
                                        .flatMap(county -> tickets.countFlagged(TicketFlag.REPEAT_COMPLAINANT, from, to, territory)
                                                .flatMap(repeat -> tickets.countFlagged(TicketFlag.POSSIBLE_DUPLICATE, from, to,
                                                                territory)
                                                        .flatMap(dup -> tickets.countMerged(from, to, territory)
                                                                .flatMap(merged -> surges.between(from, to, 50, territory)
                                                                        .map(hot -> new TicketStats(from, to, sum(channel),
                                                                                map(channel), map(kind), map(category),
                                                                                map(county), repeat, dup, merged, hot))))))))));
    }

    private static Map<String, Long> map(List<Object[]> rows) {
        Map<String, Long> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return map;
    }

    private static long sum(List<Object[]> rows) {
        return rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
    }
}
