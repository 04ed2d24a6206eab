package cn.hotline.sla.service;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Makes sure policies and calendars are in memory before an event needs them (consumers may start first). */
@ApplicationScoped
public class ReferenceData {

    private final PolicyService policies;
    private final CalendarService calendars;
    private final AtomicBoolean loaded = new AtomicBoolean();

    public ReferenceData(PolicyService policies, CalendarService calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    public Uni<Void> ensureLoaded() {
        if (loaded.get()) {
            return Uni.createFrom().voidItem();
        }
        return reload();
    }

    public Uni<Void> reload() {
        return calendars.loadAll().flatMap(n -> policies.loadAll()).invoke(list -> loaded.set(!list.isEmpty()))
                .replaceWithVoid();
    }
}
