package cn.hotline.routing.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DatedDuty;
import cn.hotline.routing.domain.DutySwap;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Dated roster entries and swaps in PostgreSQL; a change rewrites the touched person-days as a whole. */
@ApplicationScoped
public class RosterRepository {

    private static final String DELETE_DAYS = "delete from duty_entry e using unnest($1::varchar[], $2::varchar[],"
            + " $3::date[]) as d(unit_code, person_id, duty_date) where e.unit_code = d.unit_code"
            + " and e.person_id = d.person_id and e.duty_date = d.duty_date";
    private static final String INSERT_ENTRY = "insert into duty_entry (unit_code, person_id, duty_date, kind, starts,"
            + " ends, roster_name, note, swap_id, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
            + " $10, $11)";
    private static final String INSERT_SWAP = "insert into duty_swap (id, unit_code, duty_date, from_person_id,"
            + " to_person_id, reason, requested_by, recorded_by, recorded_at, moved) values ($1, $2, $3, $4, $5, $6,"
            + " $7, $8, $9, $10)";

    /** One person's dated entries of one unit and date: the unit a change rewrites. */
    public record PersonDay(String unitCode, String personId, LocalDate date) {
    }

    private final Pool pool;

    public RosterRepository(Pool pool) {
        this.pool = pool;
    }

    /** Replaces the dated entries of {@code days} with {@code entries} and records {@code swaps}, in the caller's transaction. */
    public Uni<Void> save(SqlConnection conn, List<PersonDay> days, List<DatedDuty> entries, List<DutySwap> swaps, Instant at) {
        Tuple keys = Tuple.of(days.stream().map(PersonDay::unitCode).toArray(String[]::new),
                days.stream().map(PersonDay::personId).toArray(String[]::new),
                days.stream().map(PersonDay::date).toArray(LocalDate[]::new));
        List<Tuple> entryRows = new ArrayList<>();
        for (DatedDuty e : entries) {
            entryRows.add(Tuple.from(Arrays.asList(e.unitCode(), e.personId(), e.date(), e.kind().name(), e.starts(),
                    e.ends(), e.roster(), e.note(), e.swapId(), e.createdBy(), at.atOffset(java.time.ZoneOffset.UTC))));
        }
        List<Tuple> swapRows = new ArrayList<>();
        for (DutySwap s : swaps) {
            swapRows.add(Tuple.from(Arrays.asList(s.id(), s.unitCode(), s.date(), s.fromPersonId(), s.toPersonId(),
                    s.reason(), s.requestedBy(), s.recordedBy(), s.recordedAt().atOffset(java.time.ZoneOffset.UTC),
                    s.moved())));
        }
        return conn.preparedQuery(DELETE_DAYS).execute(keys).replaceWithVoid()
                .chain(() -> batch(conn, INSERT_ENTRY, entryRows))
                .chain(() -> batch(conn, INSERT_SWAP, swapRows));
    }

    private static Uni<Void> batch(SqlConnection conn, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    public Uni<List<DatedDuty>> findAllEntries() {
        return pool.query("select unit_code, person_id, duty_date, kind, starts, ends, roster_name, note, swap_id,"
                + " created_by from duty_entry order by id").execute().map(rows -> {
                    List<DatedDuty> all = new ArrayList<>();
                    for (Row r : rows) {
                        all.add(new DatedDuty(r.getString(0), r.getString(1), r.getLocalDate(2),
                                DatedDuty.Kind.valueOf(r.getString(3)), r.getLocalTime(4), r.getLocalTime(5),
                                r.getString(6), r.getString(7), r.getUUID(8), r.getString(9)));
                    }
                    return all;
                });
    }

    public Uni<List<DutySwap>> findAllSwaps() {
        return pool.query("select id, unit_code, duty_date, from_person_id, to_person_id, reason, requested_by,"
                + " recorded_by, recorded_at, moved from duty_swap order by recorded_at, id").execute().map(rows -> {
                    List<DutySwap> all = new ArrayList<>();
                    for (Row r : rows) {
                        all.add(new DutySwap(r.getUUID(0), r.getString(1), r.getLocalDate(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                                r.getOffsetDateTime(8).toInstant(), r.getString(9)));
                    }
                    return all;
                });
    }
}
