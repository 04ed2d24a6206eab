package cn.hotline.intake.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.repository.CallerDataRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Caller data over time: rows from before V7 (plaintext) or under a retired key are sealed under the current key, and
 * caller data of tickets closed longer than the retention ago is anonymised. {@link Housekeeping} schedules both.
 */
@ApplicationScoped
public class CallerDataUpkeep {

    private final CallerDataRepository callers;
    private final PiiCipher cipher;
    private final CallerKeys callerKeys;
    private final IntakeConfig config;
    private final Clock clock;

    public CallerDataUpkeep(CallerDataRepository callers, PiiCipher cipher, CallerKeys callerKeys, IntakeConfig config, Clock clock) {
        this.callers = callers;
        this.cipher = cipher;
        this.callerKeys = callerKeys;
        this.config = config;
        this.clock = clock;
    }

    /** Seals one batch of stale rows under the current key (and fills missing HMACs); how many were sealed. */
    public Uni<Integer> resealBatch() {
        return Panache.withTransaction(() -> callers.stale(cipher.currentKey(), config.pii().resealBatch())
                .flatMap(rows -> {
                    Uni<Integer> done = Uni.createFrom().item(0);
                    for (CallerDataRepository.Stored row : rows) {
                        done = done.flatMap(n -> reseal(row).map(ignored -> n + 1));
                    }
                    return done;
                }));
    }

    /** Anonymises the caller data of tickets closed longer than the retention ago; how many tickets. */
    public Uni<Integer> anonymiseExpired() {
        return Panache.withTransaction(() -> callers.anonymiseClosedBefore(clock.instant().minus(config.pii().retention())));
    }

    private Uni<Integer> reseal(CallerDataRepository.Stored row) {
        String name = cipher.open(row.name());
        String phone = cipher.open(row.phone());
        String idNumber = cipher.open(row.idNumber());
        return callers.reseal(new CallerDataRepository.Stored(row.id(), cipher.seal(name), cipher.seal(phone), cipher.seal(idNumber)),
                callerKeys.phone(phone), callerKeys.idNumber(idNumber));
    }
}
