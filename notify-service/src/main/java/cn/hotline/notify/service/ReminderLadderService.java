package cn.hotline.notify.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.hotline.notify.domain.ReminderLadderLevel;
import cn.hotline.notify.mapping.ReminderLadderDto;
import cn.hotline.notify.mapping.ReminderLadderMapper;
import cn.hotline.notify.repository.ReminderLadderLevelRepository;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.seed.SeedImport;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Reminder ladders (催办: handler → leader → commander): listing, replacing one ladder (API), and the YAML seed loaded
 * through the same method. The API path, seed file and tables keep the contract's name, escalation chain.
 */
@ApplicationScoped
public class ReminderLadderService {

    static final String SEED = "escalation-chains";
    static final String SEED_FILE = "seed/escalation-chains.yaml";

    private final ReminderLadderLevelRepository levels;
    private final LadderChains chains;
    private final TemplateCatalog templates;
    private final SeedImport seedImport;

    public ReminderLadderService(ReminderLadderLevelRepository levels, TemplateCatalog templates, SeedImport seedImport,
            LadderChains chains) {
        this.chains = chains;
        this.levels = levels;
        this.templates = templates;
        this.seedImport = seedImport;
    }

    public Uni<List<ReminderLadderDto>> all() {
        return Panache.withSession(() -> levels.all().map(ReminderLadderMapper::toChains));
    }

    /** Replaces the chain (policy, stage) with {@code chain}'s levels, in a transaction of its own. */
    public Uni<ReminderLadderDto> replace(ReminderLadderDto chain) {
        validate(chain);
        return Panache.withTransaction(() -> replaceInTransaction(chain)).invoke(chains::invalidate);
    }

    private Uni<ReminderLadderDto> replaceInTransaction(ReminderLadderDto chain) {
        List<ReminderLadderLevel> entities = ReminderLadderMapper.toEntities(chain);
        return levels.deleteChain(chain.policyCode(), chain.stage())
                .call(() -> levels.getSession().flatMap(s -> s.flush()))
                .chain(() -> levels.persist(entities)).replaceWith(chain);
    }

    /**
     * Adds each seed chain that does not exist yet (so an administrator's edits survive restarts), through the same
     * path as the API, under {@link SeedImport#exclusively} so replicas starting together seed one after the other.
     */
    public Uni<Integer> seed() {
        List<ReminderLadderDto> chains = SeedImport.yaml(SEED_FILE, new TypeReference<List<ReminderLadderDto>>() {
        });
        chains.forEach(this::validate);
        return seedImport.exclusively(SEED, () -> Panache.withTransaction(() -> Multi.createFrom().iterable(chains)
                .onItem().transformToUniAndConcatenate(chain -> levels.chain(chain.policyCode(), chain.stage())
                        .flatMap(existing -> existing.isEmpty() ? replaceInTransaction(chain).replaceWith(1)
                                : Uni.createFrom().item(0)))
                .collect().asList().map(list -> list.stream().mapToInt(Integer::intValue).sum())))
                .invoke(this.chains::invalidate);
    }

    private void validate(ReminderLadderDto chain) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < chain.levels().size(); i++) {
            ReminderLadderDto.Level level = chain.levels().get(i);
            String at = "levels[" + i + "]";
            if (!seen.add(level.level())) {
                errors.add(new Problem.FieldError(at + ".level", "duplicate level " + level.level()));
            }
            if (!templates.exists(level.template())) {
                errors.add(new Problem.FieldError(at + ".template", "unknown template " + level.template()));
            }
            if (level.delay() != null && !level.delay().isBlank()) {
                try {
                    if (Duration.parse(level.delay()).isNegative()) {
                        errors.add(new Problem.FieldError(at + ".delay", "must not be negative"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new Problem.FieldError(at + ".delay", "not an ISO-8601 duration"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
