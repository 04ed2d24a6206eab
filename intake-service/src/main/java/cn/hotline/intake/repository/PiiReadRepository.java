package cn.hotline.intake.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The record of full phone/ID reads (留痕), written in the reading request's transaction. */
@ApplicationScoped
public class PiiReadRepository {

    /** One read of a ticket's full caller numbers. */
    public record Entry(String reader, String role, String fields, String purpose, Instant at) {
    }

    /** A read of one ticket's {@code fields}. */
    public record Read(UUID ticketId, String fields) {
    }

    /** All {@code reads} in one statement, in the caller's transaction. */
    public Uni<Integer> insert(List<Read> reads, String reader, String role, String purpose, Instant at) {
        if (reads.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("insert into pii_read (ticket_id, fields, reader, reader_role, purpose, read_at) values ");
        for (int i = 0; i < reads.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", :f").append(i).append(", :reader, :role, :purpose, :at)");
        }
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql.toString()).setParameter("reader", reader).setParameter("role", role)
                    .setParameter("purpose", purpose).setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            for (int i = 0; i < reads.size(); i++) {
                query.setParameter("t" + i, reads.get(i).ticketId()).setParameter("f" + i, reads.get(i).fields());
            }
            return query.executeUpdate();
        });
    }

    /** Who read the ticket's full numbers, newest first. */
    @SuppressWarnings("unchecked")
    public Uni<List<Entry>> list(UUID ticketId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select reader, reader_role, fields, purpose, read_at from pii_read where ticket_id = :ticket"
                                + " order by read_at desc, id desc", Object[].class)
                .setParameter("ticket", ticketId).getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream().map(r -> new Entry((String) r[0], (String) r[1],
                        (String) r[2], (String) r[3], toInstant(r[4]))).toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i : null;
    }
}
