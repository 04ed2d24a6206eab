package cn.hotline.routing.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DutyWindow;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.domain.Unit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Units, their people and duty rosters in PostgreSQL; an import replaces a unit's roster as a whole. */
@ApplicationScoped
public class UnitRepository {

    private static final String UPSERT_UNIT = "insert into unit (code, name, kind, level, territory_code, phones,"
            + " leader_id, contact_ids) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (code) do update set"
            + " name = excluded.name, kind = excluded.kind, level = excluded.level,"
            + " territory_code = excluded.territory_code, phones = excluded.phones, leader_id = excluded.leader_id,"
            + " contact_ids = excluded.contact_ids";
    private static final String UPSERT_PERSON = "insert into person (person_id, name, phone, unit_code, role)"
            + " values ($1, $2, $3, $4, $5) on conflict (person_id) do update set name = excluded.name,"
            + " phone = excluded.phone, unit_code = excluded.unit_code, role = excluded.role";
    private static final String DELETE_ROSTER = "delete from duty_window where unit_code = any($1)";
    private static final String INSERT_WINDOW = "insert into duty_window (unit_code, person_id, days, starts, ends)"
            + " values ($1, $2, $3, $4, $5)";

    private final Pool pool;

    public UnitRepository(Pool pool) {
        this.pool = pool;
    }

    /** Upserts units and people and replaces the rosters of the given units, in the caller's transaction. */
    public Uni<Void> save(SqlConnection conn, List<Unit> units, List<Person> people, List<DutyWindow> roster) {
        List<Tuple> unitRows = new ArrayList<>();
        for (Unit u : units) {
            unitRows.add(Tuple.from(Arrays.asList(u.code(), u.name(), u.kind(), u.level().code(), u.territoryCode(),
                    String.join(",", u.phones()), u.leaderId(), String.join(",", u.contactIds()))));
        }
        List<Tuple> personRows = new ArrayList<>();
        for (Person p : people) {
            personRows.add(Tuple.of(p.personId(), p.name(), p.phone(), p.unitCode(), p.role()));
        }
        List<Tuple> windowRows = new ArrayList<>();
        for (DutyWindow w : roster) {
            windowRows.add(Tuple.of(w.unitCode(), w.personId(), w.days(), w.starts(), w.ends()));
        }
        String[] codes = units.stream().map(Unit::code).toArray(String[]::new);
        return batch(conn, UPSERT_UNIT, unitRows)
                .chain(() -> batch(conn, UPSERT_PERSON, personRows))
                .chain(() -> conn.preparedQuery(DELETE_ROSTER).execute(Tuple.of(codes)).replaceWithVoid())
                .chain(() -> batch(conn, INSERT_WINDOW, windowRows));
    }

    private static Uni<Void> batch(SqlConnection conn, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from unit").execute().map(rs -> rs.iterator().next().getLong(0));
    }

    public Uni<List<Unit>> findAllUnits() {
        return pool.query("select code, name, kind, level, territory_code, phones, leader_id, contact_ids from unit")
                .execute().map(rows -> {
                    List<Unit> all = new ArrayList<>();
                    for (Row r : rows) {
                        all.add(new Unit(r.getString(0), r.getString(1), r.getString(2),
                                TerritoryLevel.parse(r.getString(3)), r.getString(4), split(r.getString(5)),
                                r.getString(6), split(r.getString(7))));
                    }
                    return all;
                });
    }

    public Uni<List<Person>> findAllPeople() {
        return pool.query("select person_id, name, phone, unit_code, role from person").execute().map(rows -> {
            List<Person> all = new ArrayList<>();
            for (Row r : rows) {
                all.add(new Person(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
            }
            return all;
        });
    }

    public Uni<List<DutyWindow>> findAllWindows() {
        return pool.query("select unit_code, person_id, days, starts, ends from duty_window order by id").execute()
                .map(rows -> {
                    List<DutyWindow> all = new ArrayList<>();
                    for (Row r : rows) {
                        all.add(new DutyWindow(r.getString(0), r.getString(1), r.getString(2), r.getLocalTime(3),
                                r.getLocalTime(4)));
                    }
                    return all;
                });
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }
}
