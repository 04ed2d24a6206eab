package cn.hotline.routing.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchActionLog;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import cn.hotline.routing.repository.DispatchActionRepository;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reading dispatches as the caller may see them ({@link DispatchScope}), each in a session of its own: by ticket,
 * the MANUAL queue, the commander's board, one dispatch and its history.
 */
@ApplicationScoped
public class DispatchQueries {

    private final DispatchRepository dispatches;
    private final DispatchActionRepository history;
    private final DispatchScope scope;

    public DispatchQueries(DispatchRepository dispatches, DispatchActionRepository history, DispatchScope scope) {
        this.dispatches = dispatches;
        this.history = history;
        this.scope = scope;
    }

    /** A ticket's dispatches, oldest first, in {@code queue} if given. */
    public Uni<List<Dispatch>> byTicket(Actor actor, String ticketId, Queue queue) {
        return Panache.withSession(() -> dispatches.findByTicket(ticketId)).map(list -> list.stream()
                .filter(d -> queue == null || d.queue == queue).filter(d -> scope.sees(actor, d)).toList());
    }

    /** The open dispatches of {@code queue}, oldest first. */
    public Uni<List<Dispatch>> openInQueue(Actor actor, Queue queue) {
        return Panache.withSession(() -> dispatches.findOpenInQueue(queue))
                .map(list -> list.stream().filter(d -> scope.sees(actor, d)).toList());
    }

    /**
     * The board's open dispatches (filters null = any): a handler sees only their own unit's, a desk kept to a
     * territory asks within it, and a filter outside it finds nothing (as if it were empty).
     */
    public Uni<List<Dispatch>> board(Actor actor, String county, String town, String unit, DispatchState state,
            String urgency, int limit) {
        String scopedUnit = actor.onlyHandler() ? actor.unitCode() : unit;
        Territory desk = actor.onlyHandler() ? Territory.CITY : actor.territory();
        Territory.Narrowed place = desk.narrow(county, town);
        if (place.nothing()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> dispatches.findOpen(new DispatchRepository.BoardFilter(place.county(),
                place.town(), scopedUnit, state, urgency, limit)));
    }

    /** The dispatch if the caller may see it; another unit's is answered exactly as a missing one (no probing). */
    public Uni<Dispatch> visible(Actor actor, UUID id) {
        return Panache.withSession(() -> find(actor, id));
    }

    /** A visible dispatch's history, oldest first. */
    public Uni<List<DispatchActionLog>> history(Actor actor, UUID id) {
        return Panache.withSession(() -> find(actor, id).chain(dispatch -> history.findByDispatch(id)));
    }

    private Uni<Dispatch> find(Actor actor, UUID id) {
        return dispatches.findById(id).map(d -> d != null && scope.sees(actor, d) ? d : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("dispatch " + id));
    }
}
