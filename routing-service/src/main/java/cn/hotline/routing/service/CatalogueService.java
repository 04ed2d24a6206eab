package cn.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.RoutingRule;
import cn.hotline.routing.mapping.ImportResult;
import cn.hotline.routing.mapping.RuleImport;
import cn.hotline.routing.repository.RuleRepository;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.reference.CategoryCopy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Imports catalogue rules. An unchanged rule stays as it is; a changed one gets a new version from its
 * effective date and the old version is closed then, so past decisions keep pointing at what they used.
 */
@ApplicationScoped
public class CatalogueService {

    private final RuleRepository repository;
    private final RoutingIndex index;
    private final IndexRefresher refresher;
    private final CategoryCopy categories;
    private final Clock clock;
    private final Pool pool;

    public CatalogueService(RuleRepository repository, RoutingIndex index, IndexRefresher refresher,
            CategoryCopy categories, Clock clock, Pool pool) {
        this.pool = pool;
        this.repository = repository;
        this.index = index;
        this.refresher = refresher;
        this.categories = categories;
        this.clock = clock;
    }

    public Uni<ImportResult> importRules(List<RuleImport> imports) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        List<RoutingRule> closed = new ArrayList<>();
        List<RoutingRule> added = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        int updated = 0;
        for (int i = 0; i < imports.size(); i++) {
            RuleImport in = imports.get(i);
            String at = "[" + i + "]";
            if (!seen.add(in.ruleId())) {
                errors.add(new FieldError(at + ".ruleId", "appears twice in this import"));
            }
            validate(in, at, errors);
            Instant from = in.effectiveFrom() == null ? now : in.effectiveFrom().toInstant();
            RoutingRule candidate = new RoutingRule(in.ruleId(), 1, in.categoryCode(),
                    in.kind() == null ? null : in.kind().name(), in.urgency() == null ? null : in.urgency().name(),
                    in.territoryCode(), in.lead(), in.assisting() == null ? List.of() : List.copyOf(in.assisting()),
                    in.priority() == null ? 100 : in.priority(), in.description(), from, null);
            Optional<RoutingRule> current = current(in.ruleId());
            if (current.isPresent() && current.get().sameContent(candidate)) {
                unchanged++;
                continue;
            }
            if (current.isPresent()) {
                if (!from.isAfter(current.get().effectiveFrom())) {
                    errors.add(new FieldError(at + ".effectiveFrom", "must be after the current version's start "
                            + current.get().effectiveFrom()));
                    continue;
                }
                RoutingRule old = current.get();
                closed.add(new RoutingRule(old.ruleId(), old.version(), old.categoryCode(), old.kind(), old.urgency(),
                        old.territoryCode(), old.lead(), old.assisting(), old.priority(), old.description(),
                        old.effectiveFrom(), from));
                updated++;
            }
            int version = index.catalogue().versions(in.ruleId()).stream().mapToInt(RoutingRule::version).max().orElse(0) + 1;
            RoutingRule next = new RoutingRule(candidate.ruleId(), version, candidate.categoryCode(), candidate.kind(),
                    candidate.urgency(), candidate.territoryCode(), candidate.lead(), candidate.assisting(),
                    candidate.priority(), candidate.description(), from, null);
            added.add(next);
            versions.add(next.ruleId() + " v" + next.version());
        }
        if (imports.isEmpty()) {
            errors.add(new FieldError("$", "no rules"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        int created = added.size() - updated;
        int same = unchanged;
        int changed = updated;
        if (added.isEmpty()) {
            return Uni.createFrom().item(new ImportResult(0, 0, same, List.of()));
        }
        return pool.withTransaction(conn -> repository.save(conn, closed, added, now))
                .call(() -> refresher.changed("catalogue"))
                .map(ignored -> new ImportResult(created, changed, same, versions));
    }

    /** Retires a rule from {@code at} (default now): its current version is closed, no new version starts. */
    public Uni<RoutingRule> retire(String ruleId, Instant at) {
        RoutingRule current = current(ruleId).orElseThrow(() -> ProblemException.notFound("open rule " + ruleId));
        Instant end = at == null ? clock.instant() : at;
        if (!end.isAfter(current.effectiveFrom())) {
            throw ProblemException.badRequest("effectiveTo", "must be after the version's start " + current.effectiveFrom());
        }
        RoutingRule closed = new RoutingRule(current.ruleId(), current.version(), current.categoryCode(), current.kind(),
                current.urgency(), current.territoryCode(), current.lead(), current.assisting(), current.priority(),
                current.description(), current.effectiveFrom(), end);
        return pool.withTransaction(conn -> repository.save(conn, List.of(closed), List.of(), clock.instant()))
                .call(() -> refresher.changed("catalogue"))
                .replaceWith(closed);
    }

    /** The open-ended (latest) version of a rule. */
    public Optional<RoutingRule> current(String ruleId) {
        return index.catalogue().versions(ruleId).stream().filter(r -> r.effectiveTo() == null)
                .reduce((a, b) -> b);
    }

    private void validate(RuleImport in, String at, List<FieldError> errors) {
        OrganisationSnapshot org = index.organisation();
        if (categories.current().find(in.categoryCode()).isEmpty()) {
            errors.add(new FieldError(at + ".categoryCode", "unknown category " + in.categoryCode()));
        }
        if (org.territory(in.territoryCode()).isEmpty()) {
            errors.add(new FieldError(at + ".territoryCode", "unknown territory " + in.territoryCode()));
        }
        checkUnit(in.lead(), at + ".lead", errors, org);
        List<String> assisting = in.assisting() == null ? List.of() : in.assisting();
        for (int a = 0; a < assisting.size(); a++) {
            checkUnit(assisting.get(a), at + ".assisting[" + a + "]", errors, org);
        }
    }

    private static void checkUnit(String expression, String field, List<FieldError> errors, OrganisationSnapshot org) {
        if (expression == null || expression.isBlank() || expression.contains(",")) {
            errors.add(new FieldError(field, "must be a unit code, TOWN_GOVERNMENT, VILLAGE_COMMITTEE or COUNTY:<kind>"));
        } else if (!UnitExpression.symbolic(expression) && org.unit(expression).isEmpty()) {
            errors.add(new FieldError(field, "unknown unit " + expression));
        }
    }
}
