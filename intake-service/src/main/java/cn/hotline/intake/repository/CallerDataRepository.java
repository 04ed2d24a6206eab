package cn.hotline.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The ticket's caller columns as stored (sealed or, before V7, plaintext), for re-sealing and retention; caller's session. */
@ApplicationScoped
public class CallerDataRepository {

    /** A row's caller columns exactly as stored. */
    public record Stored(UUID id, String name, String phone, String idNumber) {
    }

    /** The last id of the next window of at most {@code :window} tickets after {@code :after} (null: none left). */
    private static final String WINDOW_END = "select cast(id as varchar) from (select id from ticket"
            + " where id > cast(:after as uuid) order by id limit :window) w order by id desc limit 1";
    // A key range of the primary key: each sweep reads one bounded window, never the whole table.
    private static final String STALE = "select cast(id as varchar), caller_name, caller_phone, caller_id_number from ticket"
            + " where id > cast(:after as uuid) and id <= cast(:until as uuid)"
            + " and ((caller_name is not null and caller_name not like :sealed)"
            + " or (caller_phone is not null and (caller_phone not like :sealed or caller_phone_hmac is null))"
            + " or (caller_id_number is not null and (caller_id_number not like :sealed or caller_id_hmac is null)))"
            + " for update skip locked";
    private static final String RESEAL = "update ticket set caller_name = :name, caller_phone = :phone, caller_id_number = :idNumber,"
            + " caller_phone_hmac = :phoneHmac, caller_id_hmac = :idHmac where id = :id";
    // The version moves so that a request holding the ticket from before cannot write the caller data back.
    private static final String ANONYMISE = "update ticket set caller_name = null, caller_phone = null, caller_id_number = null,"
            + " caller_phone_hmac = null, caller_id_hmac = null, version = version + 1 where closed_at < :before"
            + " and (caller_name is not null or caller_phone is not null or caller_id_number is not null"
            + " or caller_phone_hmac is not null or caller_id_hmac is not null)";

    /** The last ticket id of the next window of at most {@code size} after {@code after}; empty past the last ticket. */
    public Uni<java.util.Optional<UUID>> windowEnd(UUID after, int size) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(WINDOW_END, String.class)
                        .setParameter("after", after.toString()).setParameter("window", size).getSingleResultOrNull())
                .map(end -> java.util.Optional.ofNullable(end).map(UUID::fromString));
    }

    /**
     * Rows of the id range ({@code after}, {@code until}] with a caller value not sealed under {@code currentKey} (or
     * without its HMAC), locked for re-sealing.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<Stored>> stale(String currentKey, UUID after, UUID until) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(STALE, Object[].class)
                        .setParameter("sealed", "v1:" + currentKey + ":%").setParameter("after", after.toString())
                        .setParameter("until", until.toString()).getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream().map(r -> new Stored(UUID.fromString((String) r[0]),
                        (String) r[1], (String) r[2], (String) r[3])).toList());
    }

    public Uni<Integer> reseal(Stored sealed, String phoneHmac, String idHmac) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RESEAL).setParameter("id", sealed.id())
                .setParameter("name", sealed.name()).setParameter("phone", sealed.phone())
                .setParameter("idNumber", sealed.idNumber()).setParameter("phoneHmac", phoneHmac)
                .setParameter("idHmac", idHmac).executeUpdate());
    }

    /** Clears name, phone, ID number and their HMACs of tickets closed before {@code before} (masked forms stay). */
    public Uni<Integer> anonymiseClosedBefore(Instant before) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(ANONYMISE)
                .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate());
    }
}
