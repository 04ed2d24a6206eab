package cn.hotline.intake.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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

    /** Below every ticket id: where a pass starts. */
    private static final UUID START = new UUID(0L, 0L);

    private final CallerDataRepository callers;
    private final PiiCipher cipher;
    private final CallerKeys callerKeys;
    private final IntakeConfig config;
    private final Clock clock;
    private final AtomicReference<UUID> cursor = new AtomicReference<>(START);

    public CallerDataUpkeep(CallerDataRepository callers, PiiCipher cipher, CallerKeys callerKeys, IntakeConfig config, Clock clock) {
        this.callers = callers;
        this.cipher = cipher;
        this.callerKeys = callerKeys;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Re-seals the stale rows (another key, plaintext, a missing HMAC) among the next {@code reseal-batch} tickets in
     * id order, wrapping to the first after the last: each run reads one bounded key range, never the whole table.
     * How many rows it sealed.
     */
    public Uni<Integer> resealNext() {
        UUID after = cursor.get();
        return Panache.withTransaction(() -> callers.windowEnd(after, config.pii().resealBatch()).flatMap(end -> {
            if (end.isEmpty()) {
                cursor.set(START);
                return Uni.createFrom().item(0);
            }
            return callers.stale(cipher.currentKey(), after, end.get()).flatMap(this::resealAll)
                    .invoke(() -> cursor.set(end.get()));
        }));
    }

    /** One whole pass from the first ticket to the last (what a rotation waits for); how many rows it sealed. */
    public Uni<Integer> resealPass() {
        cursor.set(START);
        return passFrom(0);
    }

    private Uni<Integer> passFrom(int sealed) {
        return resealNext().flatMap(n -> START.equals(cursor.get()) ? Uni.createFrom().item(sealed + n) : passFrom(sealed + n));
    }

    private Uni<Integer> resealAll(List<CallerDataRepository.Stored> rows) {
        Uni<Integer> done = Uni.createFrom().item(0);
        for (CallerDataRepository.Stored row : rows) {
            done = done.flatMap(n -> reseal(row).map(ignored -> n + 1));
        }
        return done;
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
