package cn.hotline.notify.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.hotline.notify.domain.EscalationLevel;
import cn.hotline.notify.mapping.EscalationChainDto;
import cn.hotline.notify.mapping.EscalationChainMapper;
import cn.hotline.notify.repository.EscalationLevelRepository;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Escalation chains: listing, replacing one chain (API), and the YAML seed loaded through the same method. */
@ApplicationScoped
public class EscalationChainService {

    private static final long SEED_LOCK = 0x4E4F54494659L;

    private final EscalationLevelRepository levels;
    private final TemplateCatalog templates;

    public EscalationChainService(EscalationLevelRepository levels, TemplateCatalog templates) {
        this.levels = levels;
        this.templates = templates;
    }

    public Uni<List<EscalationChainDto>> all() {
        return levels.all().map(EscalationChainMapper::toChains);
    }

    /** Replaces the chain (policy, stage) with {@code chain}'s levels. Call inside a transaction. */
    public Uni<EscalationChainDto> replace(EscalationChainDto chain) {
        validate(chain);
        List<EscalationLevel> entities = EscalationChainMapper.toEntities(chain);
        return levels.deleteChain(chain.policyCode(), chain.stage())
                .call(() -> levels.getSession().flatMap(s -> s.flush()))
                .chain(() -> levels.persist(entities)).replaceWith(chain);
    }

    /**
     * Adds each seed chain that does not exist yet (so an administrator's edits survive restarts). Replicas starting
     * together seed one after the other (transaction-scoped advisory lock), so none fails on a duplicate chain.
     */
    public Uni<Integer> seed() {
        List<EscalationChainDto> chains = readSeed();
        return levels.getSession().flatMap(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(" + SEED_LOCK + ")) l", Integer.class).getSingleResult())
                .chain(() -> seed(chains));
    }

    private Uni<Integer> seed(List<EscalationChainDto> chains) {
        return Multi.createFrom().iterable(chains).onItem().transformToUniAndConcatenate(chain ->
                levels.chain(chain.policyCode(), chain.stage()).flatMap(existing -> existing.isEmpty()
                        ? replace(chain).replaceWith(1) : Uni.createFrom().item(0)))
                .collect().asList().map(list -> list.stream().mapToInt(Integer::intValue).sum());
    }

    private static List<EscalationChainDto> readSeed() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("seed/escalation-chains.yaml")) {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
                    .readValue(in, new TypeReference<List<EscalationChainDto>>() {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("seed/escalation-chains.yaml unreadable", e);
        }
    }

    private void validate(EscalationChainDto chain) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < chain.levels().size(); i++) {
            EscalationChainDto.Level level = chain.levels().get(i);
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
