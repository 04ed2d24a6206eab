package cn.hotline.intake.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.DuplicateCandidate;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Tickets in PostgreSQL. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    // Every column of the entity mapping, in one statement: a new ticket is written once and not held by the session.
    private static final String INSERT = "insert into ticket (id, number, channel, kind, urgency, category_code,"
            + " content, caller_name, caller_phone, caller_phone_hmac, caller_phone_masked, caller_id_number,"
            + " caller_id_hmac, caller_id_masked, sms_opt_out, lat, lon, address, county_code, town_code, village_code,"
            + " resolved_by, flags, attachments, external_ref, operator_id, proxy_agent, status, master_ticket_id,"
            + " reopen_count, occurred_at, received_at, awaiting_since, closed_at, updated_at, version)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,"
            + " $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36)";

    // One statement: the status moves (only from a status the table allows) and the move goes on the trail.
    private static final String MOVE = "with moved as (update ticket set status = $2, updated_at = $3, awaiting_since = null,"
            + " version = version + 1 where id = $1 and status = any($4) returning id)"
            + " insert into ticket_trail (ticket_id, action, actor, reference, detail, at)"
            + " select id, $5::varchar, $6::varchar, $7::varchar, $8::text, $9::timestamptz from moved returning ticket_id";

    /** Seals caller PII exactly as the entity mapping does. */
    private final SealedText sealed = new SealedText();

    /**
     * Moves ticket {@code id} to {@code next} (at {@code now}) if its status is one of {@code from}, without loading
     * it, and appends {@code action} (which happened {@code at}) to its trail; false when it is unknown or in another
     * status (nothing changed). For moves that announce nothing (an announcing move needs the ticket:
     * {@link Ticket#moveTo}).
     */
    public Uni<Boolean> moveAndRecord(UUID id, TicketStatus next, Set<TicketStatus> from, Instant now, String action,
            String actor, String reference, String detail, Instant at) {
        String[] sources = from.stream().map(Enum::name).toArray(String[]::new);
        return Panache.getSession().flatMap(session -> SessionSql.select(session, MOVE, id, next.name(), utc(now), sources,
                        action, actor, reference, detail, utc(at)))
                .map(rows -> !rows.isEmpty());
    }

    /**
     * Inserts the new, registered {@code ticket} (status set by {@link Ticket#accept}) with one statement on the
     * session's connection, in its transaction; the session does not hold it afterwards. An entity insert cost a
     * flush of the session's action queue per registration for a row nothing in that transaction reads back.
     */
    public Uni<Void> insertNew(Ticket t) {
        Object[] values = {t.id, t.number, name(t.channel), name(t.kind), name(t.urgency), t.categoryCode, t.content,
                sealed.convertToDatabaseColumn(t.callerName), sealed.convertToDatabaseColumn(t.callerPhone), t.callerPhoneHmac,
                t.callerPhoneMasked, sealed.convertToDatabaseColumn(t.callerIdNumber), t.callerIdHmac, t.callerIdMasked,
                t.smsOptOut, t.lat, t.lon, t.address, t.countyCode, t.townCode, t.villageCode, t.resolvedBy,
                t.flags == null ? "" : t.flags, t.attachments, t.externalRef, t.operatorId, t.proxyAgent, name(t.status()),
                t.masterTicketId, t.reopenCount, utc(t.occurredAt), utc(t.receivedAt), utc(t.awaitingSince),
                utc(t.closedAt), utc(t.updatedAt), t.version};
        return Panache.getSession().flatMap(session -> SessionSql.write(session, INSERT, values)).replaceWithVoid();
    }

    /**
     * Recent tickets that may be duplicates, newest first, at most {@code limit}: received since {@code since}, not
     * merged, and of the same caller (phone or ID key) or, in {@code categoryCode}, of the same village, address or
     * spot (within {@code near} degrees); null criteria are left out. Read as a projection: no entity, no PII.
     */
    public Uni<List<DuplicateCandidate>> duplicateCandidates(Instant since, String phoneHmac, String idHmac,
            String categoryCode, String villageCode, String address, Double lat, Double lon, double near, int limit) {
        List<Object> params = new ArrayList<>(List.of(utc(since), TicketStatus.MERGED.name()));
        List<String> any = new ArrayList<>();
        if (phoneHmac != null) {
            any.add("caller_phone_hmac = " + bind(params, phoneHmac));
        }
        if (idHmac != null) {
            any.add("caller_id_hmac = " + bind(params, idHmac));
        }
        if (categoryCode != null) {
            List<String> place = new ArrayList<>();
            if (villageCode != null) {
                place.add("village_code = " + bind(params, villageCode));
            }
            if (address != null && !address.isBlank()) {
                place.add("address = " + bind(params, address));
            }
            if (lat != null && lon != null) {
                place.add("(lat between " + bind(params, lat - near) + " and " + bind(params, lat + near)
                        + " and lon between " + bind(params, lon - near) + " and " + bind(params, lon + near) + ")");
            }
            if (!place.isEmpty()) {
                any.add("(category_code = " + bind(params, categoryCode) + " and (" + String.join(" or ", place) + "))");
            }
        }
        if (any.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "select id, number, status, category_code, caller_phone_hmac, caller_id_hmac, received_at from ticket"
                + " where received_at >= $1 and status <> $2 and (" + String.join(" or ", any) + ")"
                + " order by received_at desc limit " + bind(params, limit);
        return Panache.getSession().flatMap(session -> SessionSql.select(session, sql, params.toArray()))
                .map(rows -> rows.stream().map(TicketRepository::candidate).toList());
    }

    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private static DuplicateCandidate candidate(Object[] row) {
        return new DuplicateCandidate((UUID) row[0], (String) row[1], TicketStatus.valueOf((String) row[2]), (String) row[3],
                (String) row[4], (String) row[5], ((OffsetDateTime) row[6]).toInstant());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public Uni<Ticket> findByNumber(String number) {
        return find("number", number).firstResult();
    }
}
