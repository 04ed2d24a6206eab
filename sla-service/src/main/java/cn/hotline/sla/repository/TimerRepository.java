package cn.hotline.sla.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerScope;
import cn.hotline.sla.domain.TimerState;
import cn.hotline.sla.domain.TimerTransitions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stage timers as entities, for the event and API paths (the firing path uses {@link TimerBatchRepository}). */
@ApplicationScoped
public class TimerRepository implements PanacheRepositoryBase<TimerEntity, String> {

    private static final List<TimerState> ACTIVE = List.copyOf(TimerTransitions.ACTIVE);

    public Uni<List<TimerEntity>> byTicket(String ticketId) {
        return list("ticketId = ?1 order by createdAt, stage", ticketId);
    }

    public Uni<List<TimerEntity>> activeByTicket(String ticketId) {
        return list("ticketId = ?1 and state in ?2", ticketId, ACTIVE);
    }

    /**
     * What one dispatch event stops and starts works on: the ticket's running or paused timers and, of
     * {@code dispatchId} (may be null), its dispatch-scoped ones that were not cancelled. One query on the ticket's index.
     */
    public Uni<List<TimerEntity>> forDispatchEvent(String ticketId, String dispatchId) {
        if (dispatchId == null) {
            return activeByTicket(ticketId);
        }
        return list("ticketId = ?1 and (state in ?2 or (dispatchId = ?3 and scope = ?4 and state <> ?5))", ticketId,
                ACTIVE, dispatchId, TimerScope.DISPATCH, TimerState.CANCELLED);
    }

    /** Running or paused timers, nearest deadline first, optionally of one county, town or urgency only. */
    public Uni<List<TimerEntity>> active(int limit, String county, String town, String urgency) {
        StringBuilder query = new StringBuilder("state in :states");
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters.with("states", ACTIVE);
        if (county != null) {
            query.append(" and countyCode = :county");
            parameters.and("county", county);
        }
        if (town != null) {
            query.append(" and townCode = :town");
            parameters.and("town", town);
        }
        if (urgency != null) {
            query.append(" and urgency = :urgency");
            parameters.and("urgency", urgency);
        }
        return find(query.toString(), io.quarkus.panache.common.Sort.by("deadline"), parameters).range(0, limit - 1).list();
    }

    public Uni<List<TimerEntity>> activeByDispatch(String dispatchId) {
        return list("dispatchId = ?1 and scope = ?2 and state in ?3", dispatchId, TimerScope.DISPATCH, ACTIVE);
    }

    public Uni<Boolean> activeForTicket(String ticketId, Stage stage) {
        return count("ticketId = ?1 and stage = ?2 and scope = ?3 and state in ?4", ticketId, stage, TimerScope.TICKET,
                ACTIVE).map(n -> n > 0);
    }

    public Uni<List<TimerEntity>> activeWorkingByCalendar(String calendar) {
        return list("calendarName = ?1 and mode = ?2 and state in ?3", calendar, TimeMode.WORKING, ACTIVE);
    }
}
