package cn.hotline.sla.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.PolicyEntity;
import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.StageDefinition;
import cn.hotline.sla.domain.TicketProfile;
import cn.hotline.sla.mapping.PolicyMapper;
import cn.hotline.sla.repository.PolicyRepository;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Stores SLA policies, validates them, and chooses the one that applies to a ticket (most specific first). */
@ApplicationScoped
public class PolicyService {

    private static final Comparator<Policy> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Policy p) -> -p.match().specificity())
            .thenComparingInt(p -> -p.priority())
            .thenComparing(Policy::code);

    private final PolicyRepository repository;
    private final PolicyMapper mapper;
    private final ReferenceRefresher refresher;
    private final Map<String, Policy> cache = new ConcurrentHashMap<>();

    public PolicyService(PolicyRepository repository, PolicyMapper mapper, ReferenceRefresher refresher) {
        this.repository = repository;
        this.mapper = mapper;
        this.refresher = refresher;
    }

    /** The admin API's create-or-replace: {@link #upsert} in its own transaction, announced to the other replicas. */
    public Uni<Policy> put(Policy policy) {
        return Panache.withTransaction(() -> upsert(policy)).call(() -> refresher.announce("policy " + policy.code()));
    }

    /** Creates or replaces a policy; must run inside a transaction. */
    public Uni<Policy> upsert(Policy policy) {
        validate(policy);
        return repository.findById(policy.code()).flatMap(existing -> {
            PolicyEntity entity = existing != null ? existing : new PolicyEntity();
            mapper.copy(policy, entity);
            return repository.persist(entity);
        }).map(saved -> {
            Policy stored = mapper.toDomain(saved);
            cache.put(stored.code(), stored);
            return stored;
        });
    }

    public Uni<List<Policy>> loadAll() {
        return repository.listAll().map(all -> {
            all.stream().map(mapper::toDomain).forEach(p -> cache.put(p.code(), p));
            return list();
        });
    }

    public List<Policy> list() {
        return cache.values().stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    public Optional<Policy> find(String code) {
        return Optional.ofNullable(cache.get(code));
    }

    /** Whether any policy has a stage that {@code eventType} stops (so the event needs a look at the timers). */
    public boolean anyStageStopsOn(String eventType) {
        return cache.values().stream().flatMap(p -> p.stages().stream()).anyMatch(s -> s.stopEvents().contains(eventType));
    }

    /** The ticket's own policy (what times its units from dispatch.assigned): the most specific, then priority. */
    public Optional<Policy> select(TicketProfile ticket) {
        return select(ticket, EventTypes.DISPATCH_ASSIGNED);
    }

    /**
     * The policy that times what {@code startEvent} starts for {@code ticket}: the most specific match among the
     * policies with a stage starting on it. So the duty dispatcher's policies (dispatch.queued, dispatch.returned)
     * apply beside the ticket's own, which times the units' stages.
     */
    public Optional<Policy> select(TicketProfile ticket, String startEvent) {
        return cache.values().stream()
                .filter(p -> p.stages().stream().anyMatch(s -> startEvent.equals(s.startEvent())))
                .filter(p -> p.match().matches(ticket)).min(MOST_SPECIFIC_FIRST);
    }

    static void validate(Policy policy) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (policy.code() == null || !policy.code().matches("[A-Z0-9_]{1,64}")) {
            errors.add(new Problem.FieldError("code", "must be 1-64 of A-Z, 0-9, _"));
        }
        if (policy.name() == null || policy.name().isBlank()) {
            errors.add(new Problem.FieldError("name", "must not be blank"));
        }
        if (policy.stages().isEmpty()) {
            errors.add(new Problem.FieldError("stages", "a policy needs at least one stage timer"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < policy.stages().size(); i++) {
            validateStage(policy.stages().get(i), "stages[" + i + "]", seen, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void validateStage(StageDefinition stage, String path, Set<String> seen, List<Problem.FieldError> errors) {
        if (stage.stage() == null) {
            errors.add(new Problem.FieldError(path + ".stage", "is required"));
        } else if (!seen.add(stage.stage() + "/" + stage.startEvent())) {
            errors.add(new Problem.FieldError(path + ".stage", "appears twice for the same start event"));
        }
        if (!EventTypes.ALL.contains(String.valueOf(stage.startEvent()))) {
            errors.add(new Problem.FieldError(path + ".startEvent", "must be an event type of the suite"));
        }
        if (stage.stopEvents().isEmpty() || !EventTypes.ALL.containsAll(stage.stopEvents())) {
            errors.add(new Problem.FieldError(path + ".stopEvent",
                    "must be an event type of the suite (or several, comma-separated)"));
        }
        if (stage.stage() != null && stage.stage().assisting() && stage.scope() != cn.hotline.sla.domain.TimerScope.DISPATCH) {
            errors.add(new Problem.FieldError(path + ".scope", "an assisting unit's stage is per dispatch"));
        }
        duration(stage.duration(), path + ".duration", errors, false);
        if (stage.reminderInterval() != null) {
            duration(stage.reminderInterval(), path + ".reminderInterval", errors, true);
        }
        if (stage.warningThresholds().stream().anyMatch(t -> t == null || t <= 0 || t >= 100)) {
            errors.add(new Problem.FieldError(path + ".warningThresholds", "each must be between 1 and 99 percent"));
        }
        if (stage.maxReminders() < 0) {
            errors.add(new Problem.FieldError(path + ".maxReminders", "must not be negative"));
        }
    }

    private static void duration(String text, String field, List<Problem.FieldError> errors, boolean clockOnly) {
        try {
            SlaDuration parsed = SlaDuration.parse(text);
            if (parsed.isZero()) {
                errors.add(new Problem.FieldError(field, "must be longer than zero"));
            } else if (clockOnly && parsed.months() > 0) {
                errors.add(new Problem.FieldError(field, "must be days, hours or minutes"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
        }
    }
}
