package cn.hotline.intake.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.intake.mapping.TicketStats;
import cn.hotline.intake.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The window's volumes (channel, kind, category, county), repeat callers and duplicates, and the hot-word surges raised. */
@ApplicationScoped
public class TicketStatsService {

    private final TicketRepository tickets;
    private final cn.hotline.intake.repository.HotwordSurgeRepository surges;

    public TicketStatsService(TicketRepository tickets, cn.hotline.intake.repository.HotwordSurgeRepository surges) {
        this.tickets = tickets;
        this.surges = surges;
    }

    public Uni<TicketStats> stats(Instant from, Instant to) {
        return Panache.withSession(() -> tickets.countBy("channel", from, to)
                .flatMap(channel -> tickets.countBy("kind", from, to)
                        .flatMap(kind -> tickets.countBy("category", from, to)
                                .flatMap(category -> tickets.countBy("county", from, to)
                                        .flatMap(county -> tickets.countFlagged(TicketFlag.REPEAT_COMPLAINANT, from, to)
                                                .flatMap(repeat -> tickets.countFlagged(TicketFlag.POSSIBLE_DUPLICATE, from, to)
                                                        .flatMap(dup -> tickets.count("receivedAt >= ?1 and receivedAt < ?2"
                                                                + " and status = ?3", from, to,
                                                                cn.hotline.intake.domain.TicketStatus.MERGED)
                                                                .flatMap(merged -> surges.between(from, to, 50)
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
