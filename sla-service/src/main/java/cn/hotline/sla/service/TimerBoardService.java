package cn.hotline.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.mapping.TimerView;
import cn.hotline.sla.repository.TimerRepository;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The commander's board: every running or paused timer the caller may see, nearest deadline first. */
@ApplicationScoped
public class TimerBoardService {

    private final TimerRepository timers;
    private final TimerVisibility visibility;
    private final Clock clock;

    public TimerBoardService(TimerRepository timers, TimerVisibility visibility, Clock clock) {
        this.timers = timers;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** Up to {@code limit} active timers, optionally of one county, town or urgency (null: any). */
    public Uni<List<TimerView>> active(int limit, String county, String town, String urgency) {
        Instant now = clock.instant();
        // The board's own filter (county, town, urgency) narrows the timers too: a county's commander no longer
        // pulls the whole city's timers to colour a page of rows.
        // A desk kept to a territory reads within it; a filter outside it finds nothing.
        Territory.Narrowed place = visibility.territory().narrow(county, town);
        if (place.nothing()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> timers.active(limit, place.county(), place.town(), urgency))
                .map(list -> list.stream().map(t -> TimerView.of(t, now)).toList());
    }
}
