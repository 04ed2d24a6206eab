package cn.hotline.sla.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerScope;
import cn.hotline.sla.domain.TimerState;
import cn.hotline.sla.domain.TimerTransitions;

/**
 * A ticket's running timers and one dispatch's own, read once for everything one event stops and starts; the
 * entities are the session's, so a timer the event meets drops out of {@link #active()} and one it starts is added.
 */
final class TicketTimers {

    private final List<TimerEntity> timers;

    TicketTimers(List<TimerEntity> timers) {
        this.timers = new ArrayList<>(timers);
    }

    /** The running or paused timers, as they are now. */
    List<TimerEntity> active() {
        return timers.stream().filter(t -> TimerTransitions.ACTIVE.contains(t.state)).toList();
    }

    /** The stages {@code dispatchId} has timers for (a cancelled one does not count) for {@code unitCode}: null, the lead. */
    Set<Stage> stagesOfDispatch(String dispatchId, String unitCode) {
        return timers.stream().filter(t -> dispatchId.equals(t.dispatchId) && t.scope == TimerScope.DISPATCH
                        && t.state != TimerState.CANCELLED && Objects.equals(unitCode, t.unitCode))
                .map(t -> t.stage).collect(Collectors.toSet());
    }

    void addAll(List<TimerEntity> started) {
        timers.addAll(started);
    }
}
