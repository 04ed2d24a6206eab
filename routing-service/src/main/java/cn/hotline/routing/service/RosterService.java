package cn.hotline.routing.service;

import static cn.hotline.routing.service.RosterFields.field;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.config.RosterConfig;
import cn.hotline.routing.domain.DatedDuty;
import cn.hotline.routing.domain.DutySwap;
import cn.hotline.routing.mapping.RosterImport.Batch;
import cn.hotline.routing.mapping.RosterImport.ExceptionImport;
import cn.hotline.routing.mapping.RosterImport.Labeled;
import cn.hotline.routing.mapping.RosterImport.ShiftImport;
import cn.hotline.routing.mapping.RosterImport.SwapImport;
import cn.hotline.routing.repository.RosterRepository.PersonDay;
import cn.hotline.routing.repository.RosterRepository;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Imports dated shifts, exceptions and swaps (JSON or CSV): validates every item, works the result out in
 * memory ({@link RosterPlan}), and only then rewrites the touched person-days and tells every replica.
 */
@ApplicationScoped
public class RosterService {

    private final RosterRepository repository;
    private final RoutingIndex index;
    private final IndexRefresher refresher;
    private final RosterConfig config;
    private final Clock clock;
    private final Pool pool;

    public RosterService(RosterRepository repository, RoutingIndex index, IndexRefresher refresher,
            RosterConfig config, Clock clock, Pool pool) {
        this.pool = pool;
        this.repository = repository;
        this.index = index;
        this.refresher = refresher;
        this.config = config;
        this.clock = clock;
    }

    /** What an import did: dated entries written per kind, swaps recorded, swaps already recorded before. */
    public record Result(int shifts, int exceptions, int swaps, int unchangedSwaps, List<DutySwap> recorded) {
    }

    public Uni<Result> importCsv(String csv, String actor) {
        return importBatch(RosterCsv.parse(csv), actor);
    }

    public Uni<Result> importBatch(Batch batch, String actor) {
        OrganisationSnapshot org = index.organisation();
        RosterPlan plan = new RosterPlan(org, actor, clock.instant());
        RosterFields f = new RosterFields(org, config.maxEntryDays());
        if (batch.isEmpty()) {
            f.errors.add(new FieldError("$", "no shifts, exceptions or swaps"));
        }
        int shifts = 0;
        for (Labeled<ShiftImport> l : batch.shifts()) {
            ShiftImport s = l.item();
            if (f.present(l.at(), s)) {
                String unit = f.unit(l.at(), s.unitCode());
                String person = f.person(field(l.at(), "personId"), s.personId());
                List<LocalDate> dates = f.dates(l.at(), s.from(), s.to());
                LocalTime starts = f.time(field(l.at(), "starts"), s.starts());
                LocalTime ends = f.time(field(l.at(), "ends"), s.ends());
                f.length(field(l.at(), "roster"), s.roster(), 64);
                f.length(field(l.at(), "note"), s.note(), 500);
                if (f.errors.isEmpty()) {
                    dates.forEach(d -> plan.shift(unit, person, d, starts, ends, s.roster(), s.note()));
                    shifts += dates.size();
                }
            }
        }
        int exceptions = 0;
        for (Labeled<ExceptionImport> l : batch.exceptions()) {
            ExceptionImport e = l.item();
            if (f.present(l.at(), e)) {
                String unit = f.unit(l.at(), e.unitCode());
                String person = f.person(field(l.at(), "personId"), e.personId());
                List<LocalDate> dates = f.dates(l.at(), e.from(), e.to());
                String reason = f.reason(field(l.at(), "reason"), e.reason());
                if (f.errors.isEmpty()) {
                    dates.forEach(d -> plan.off(unit, person, d, reason));
                    exceptions += dates.size();
                }
            }
        }
        int unchanged = 0;
        for (Labeled<SwapImport> l : batch.swaps()) {
            SwapImport s = l.item();
            if (!f.present(l.at(), s)) {
                continue;
            }
            String unit = f.unit(l.at(), s.unitCode());
            LocalDate date = f.date(field(l.at(), "date"), s.date());
            String from = f.person(field(l.at(), "fromPersonId"), s.fromPersonId());
            String to = f.person(field(l.at(), "toPersonId"), s.toPersonId());
            String reason = f.reason(field(l.at(), "reason"), s.reason());
            f.length(field(l.at(), "requestedBy"), s.requestedBy(), 64);
            if (from != null && from.equals(to)) {
                f.errors.add(new FieldError(field(l.at(), "toPersonId"), "must be another person than the giver"));
            }
            if (!f.errors.isEmpty()) {
                continue;
            }
            FieldError wrong = plan.swap(unit, date, from, to, reason, s.requestedBy());
            if (wrong != null && plan.recorded(unit, date, from, to)) {
                unchanged++;
            } else if (wrong != null) {
                f.errors.add(new FieldError(field(l.at(), wrong.field()), wrong.message()));
            }
        }
        if (!f.errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(f.errors.subList(0, Math.min(f.errors.size(), 50))));
        }
        List<PersonDay> days = new ArrayList<>(plan.days().keySet());
        List<DatedDuty> entries = plan.days().values().stream().flatMap(List::stream).toList();
        Result result = new Result(shifts, exceptions, plan.swaps().size(), unchanged, List.copyOf(plan.swaps()));
        if (days.isEmpty()) {
            return Uni.createFrom().item(result);
        }
        return pool.withTransaction(conn -> repository.save(conn, days, entries, plan.swaps(), clock.instant()))
                .call(() -> refresher.changed("roster"))
                .replaceWith(result);
    }
}
