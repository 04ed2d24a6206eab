package cn.hotline.intake.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The hot-word surges intake raised: written in the ticket's transaction beside the alert event, read per window. */
@ApplicationScoped
public class HotwordSurgeRepository {

    /** One surge as the cockpit lists it. */
    public record Surge(String townCode, String countyCode, String keyword, String categoryCode, long count, double baseline,
            Instant raisedAt) {
    }

    public Uni<Integer> record(HotwordSurgeAlert a) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into hotword_surge (ticket_id, county_code,"
                        + " town_code, keyword, category_code, hits, baseline, window_start, window_end, raised_at)"
                        + " values (:ticket, :county, :town, :keyword, :category, :hits, :baseline, :start, :end, :raised)")
                .setParameter("ticket", UUID.fromString(a.ticketId())).setParameter("county", a.countyCode())
                .setParameter("town", a.townCode()).setParameter("keyword", a.keyword())
                .setParameter("category", a.categoryCode()).setParameter("hits", a.count())
                .setParameter("baseline", a.baseline()).setParameter("start", utc(a.windowStart()))
                .setParameter("end", utc(a.windowEnd())).setParameter("raised", utc(a.raisedAt()))
                .executeUpdate());
    }

    public Uni<List<Surge>> between(Instant from, Instant to, int limit, Territory territory) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery("select town_code, county_code, keyword, category_code, hits, baseline,"
                    + " raised_at from hotword_surge where raised_at >= :from and raised_at < :to"
                    + TicketStatsRepository.place(territory) + " order by raised_at desc limit :limit", Object[].class)
                    .setParameter("from", utc(from)).setParameter("to", utc(to)).setParameter("limit", limit);
            return (territory.cityWide() ? query : query.setParameter("place", territory.code())).getResultList();
        })
                .map(rows -> rows.stream().map(r -> new Surge((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).longValue(), ((Number) r[5]).doubleValue(), instant(r[6]))).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i : null;
    }
}
