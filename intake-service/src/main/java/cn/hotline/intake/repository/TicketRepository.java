package cn.hotline.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.Ticket;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Tickets in PostgreSQL. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** Counts of tickets received in [from, to) by {@code column} (channel, kind, top-level category, county). */
    public Uni<List<Object[]>> countBy(String column, Instant from, Instant to) {
        String expression = switch (column) {
            case "channel" -> "channel";
            case "kind" -> "kind";
            case "category" -> "coalesce(substring(category_code from 1 for 2), '')";
            case "county" -> "coalesce(county_code, '')";
            default -> throw new IllegalArgumentException(column);
        };
        return getSession().flatMap(s -> s.createNativeQuery("select " + expression + " as k, count(*) from ticket"
                        + " where received_at >= :from and received_at < :to and status <> 'MERGED' group by 1 order by 2 desc",
                        Object[].class)
                .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .getResultList());
    }

    /** Tickets received in [from, to) carrying {@code flag}. */
    public Uni<Long> countFlagged(String flag, Instant from, Instant to) {
        return count("receivedAt >= ?1 and receivedAt < ?2 and flags like ?3", from, to, "%" + flag + "%");
    }

    public Uni<Ticket> findByNumber(String number) {
        return find("number", number).firstResult();
    }
}
