package cn.hotline.console.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.client.SlaClient;
import cn.hotline.console.config.ConsoleConfig;
import cn.hotline.console.mapping.BoardRow;
import cn.hotline.console.mapping.CountyMark;
import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.Timer;
import io.smallrye.mutiny.Uni;

/** The commander's board: every open dispatch in scope joined with the stage timer that runs out first. */
@ApplicationScoped
public class BoardService {

    /** What the commander filters by; nulls mean any. */
    public record Filter(String county, String town, String unit, String state, String urgency, boolean overdue,
            String queue, int page) {
    }

    /** One page of rows plus the counts the header shows, and the map's marks over all the filter keeps. */
    public record Board(List<BoardRow> rows, int total, int page, int pages, long manual, long returned, long overdue,
            long extensions, Instant at, List<CountyMark> counties, List<BoardRow> paused) {
    }

    private final RoutingClient routing;
    private final SlaClient sla;
    private final RegionNames regions;
    private final CategoryNames categories;
    private final ConsoleConfig config;
    private final Clock clock;

    public BoardService(@RestClient RoutingClient routing, @RestClient SlaClient sla, RegionNames regions,
            CategoryNames categories, ConsoleConfig config, Clock clock) {
        this.routing = routing;
        this.sla = sla;
        this.regions = regions;
        this.categories = categories;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Board> board(String bearer, Filter filter) {
        return Uni.combine().all()
                .unis(routing.open(bearer, filter.county(), filter.town(), filter.unit(), filter.state(), filter.urgency(),
                        config.boardMaxDispatches()),
                        sla.active(bearer, config.boardMaxDispatches() * 3, filter.county(), filter.town(), filter.urgency()),
                        categories.all(bearer))
                .asTuple().map(t -> assemble(t.getItem1(), t.getItem2(), filter));
    }

    private Board assemble(List<Dispatch> dispatches, List<Timer> timers, Filter filter) {
        Instant now = clock.instant();
        Map<String, Timer> firstByDispatch = new HashMap<>();
        Map<String, Timer> firstByTicket = new HashMap<>();
        for (Timer t : timers) {
            if (!"RUNNING".equals(t.state()) && !"PAUSED".equals(t.state())) {
                continue;
            }
            if (t.dispatchId() != null) {
                firstByDispatch.merge(t.dispatchId(), t, BoardService::sooner);
            } else if (t.ticketId() != null) {
                firstByTicket.merge(t.ticketId(), t, BoardService::sooner);
            }
        }
        List<BoardRow> all = dispatches.stream()
                .filter(d -> filter.queue() == null || filter.queue().equals(d.queue()))
                .map(d -> {
                    Timer timer = firstByDispatch.getOrDefault(d.id(), firstByTicket.get(d.ticketId()));
                    var t = d.territory();
                    String place = t == null ? "" : regions.place(t.countyCode(), t.townCode(), t.villageCode());
                    return BoardRow.of(d, place, categories.name(d.categoryCode()), timer);
                })
                .filter(r -> !filter.overdue() || r.overdue(now))
                .sorted(Comparator.comparing((BoardRow r) -> r.deadline() == null ? Instant.MAX : r.deadline()))
                .toList();
        int size = config.boardPageSize();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.min(Math.max(filter.page(), 1), pages);
        List<BoardRow> rows = all.subList((page - 1) * size, Math.min(all.size(), page * size));
        long manual = dispatches.stream().filter(d -> "MANUAL".equals(d.queue())).count();
        long returned = dispatches.stream().filter(d -> "RETURNED".equals(d.state())).count();
        long extensions = dispatches.stream().filter(d -> d.extension() != null && d.extension().pending()).count();
        long overdue = all.stream().filter(r -> r.overdue(now)).count();
        return new Board(rows, all.size(), page, pages, manual, returned, overdue, extensions, now, CountyMark.of(all),
                CountyMark.paused(all));
    }

    private static Timer sooner(Timer a, Timer b) {
        return a.deadline().isBefore(b.deadline()) ? a : b;
    }
}
