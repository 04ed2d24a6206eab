package cn.hotline.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The cockpit's ticket volumes over a window, kept to the reader's territory (属地). */
@ApplicationScoped
public class TicketStatsRepository {

    /** Counts of tickets received in [from, to) by {@code column} (channel, kind, top-level category, county). */
    public Uni<List<Object[]>> countBy(String column, Instant from, Instant to, Territory territory) {
        String expression = switch (column) {
            case "channel" -> "channel";
            case "kind" -> "kind";
            case "category" -> "coalesce(substring(category_code from 1 for 2), '')";
            case "county" -> "coalesce(county_code, '')";
            default -> throw new IllegalArgumentException(column);
        };
        return query("select " + expression + " as k, count(*) from ticket where received_at >= :from and received_at < :to"
                + " and status <> '" + TicketStatus.MERGED + "'" + place(territory) + " group by 1 order by 2 desc",
                Object[].class, from, to, territory).flatMap(Mutiny.SelectionQuery::getResultList);
    }

    /** Tickets received in [from, to) carrying {@code flag}. */
    public Uni<Long> countFlagged(String flag, Instant from, Instant to, Territory territory) {
        return count("flags like '%" + flag.replace("'", "") + "%'", from, to, territory);
    }

    /** Tickets received in [from, to) merged into another. */
    public Uni<Long> countMerged(Instant from, Instant to, Territory territory) {
        return count("status = '" + TicketStatus.MERGED + "'", from, to, territory);
    }

    private Uni<Long> count(String condition, Instant from, Instant to, Territory territory) {
        return query("select count(*) from ticket where received_at >= :from and received_at < :to and " + condition
                + place(territory), Long.class, from, to, territory).flatMap(Mutiny.SelectionQuery::getSingleResult);
    }

    private static <T> Uni<Mutiny.SelectionQuery<T>> query(String sql, Class<T> type, Instant from, Instant to,
            Territory territory) {
        return Panache.getSession().map(s -> {
            Mutiny.SelectionQuery<T> q = s.createNativeQuery(sql, type)
                    .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                    .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            return territory.cityWide() ? q : q.setParameter("place", territory.code());
        });
    }

    /** A county code is 6 digits, a town code 9 (the claim's two forms). */
    static String place(Territory territory) {
        if (territory.cityWide()) {
            return "";
        }
        return territory.code().length() == 6 ? " and county_code = :place" : " and town_code = :place";
    }
}
