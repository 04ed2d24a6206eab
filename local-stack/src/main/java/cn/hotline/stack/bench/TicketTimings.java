package cn.hotline.stack.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.hotline.events.EventTypes;

/**
 * The tickets of the current step and the events that time them: ticket.created, then the first dispatch
 * (assigned or queued), each recorded into the step from the moment the ticket was meant to be sent.
 */
final class TicketTimings {

    private final Map<String, TrackedTicket> tracked = new ConcurrentHashMap<>();
    private final Map<String, Early> early = new ConcurrentHashMap<>();
    private volatile LoadStep step;

    /** Forgets the previous step's tickets; from now on events count towards {@code next}. */
    void begin(LoadStep next) {
        tracked.clear();
        early.clear();
        step = next;
    }

    LoadStep current() {
        return step;
    }

    Collection<TrackedTicket> tickets() {
        return tracked.values();
    }

    long undispatched() {
        return tracked.values().stream().filter(TrackedTicket::undispatched).count();
    }

    /** The HTTP answer named the ticket: from now on its events apply, and those that came first are applied now. */
    void accepted(String ticketId, TrackedTicket ticket) {
        tracked.put(ticketId, ticket);
        Early before = early.remove(ticketId);
        if (before != null) {
            before.replay(ticketId);
        }
    }

    /** An event of {@code type} about {@code ticketId}, written at {@code timestampMs}. */
    void seen(String type, String ticketId, long timestampMs) {
        TrackedTicket t = tracked.get(ticketId);
        if (t != null) {
            apply(t, type, timestampMs);
            return;
        }
        // The event can overtake the HTTP answer: it waits beside the ticket id until the answer names the ticket.
        // compute() is atomic against the answer's remove(), so whoever removes the entry replays all it holds.
        early.compute(ticketId, (k, held) -> {
            Early e = held == null ? new Early() : held;
            e.note(type, timestampMs);
            return e;
        });
        if (tracked.get(ticketId) != null) {
            Early mine = early.remove(ticketId);
            if (mine != null) {
                mine.replay(ticketId);
            }
        }
    }

    private void apply(TrackedTicket t, String type, long timestampMs) {
        LoadStep s = step;
        if (EventTypes.TICKET_CREATED.equals(type)) {
            if (t.createdMs.compareAndSet(-1, timestampMs) && t.measured) {
                s.created.recordValue(Math.max(0, timestampMs - t.intendedMs) * 1_000);
            }
            return;
        }
        boolean queued = EventTypes.DISPATCH_QUEUED.equals(type);
        if (!t.dispatchedMs.compareAndSet(-1, timestampMs)) {
            return;
        }
        s.dispatched.incrementAndGet(s.second(s.nanosOf(timestampMs)));
        if (s.inWindow(timestampMs)) {
            s.dispatchedInWindow.incrementAndGet();
        }
        if (!t.measured) {
            return;
        }
        long latencyUs = Math.max(0, timestampMs - t.intendedMs) * 1_000;
        if (queued) {
            s.queuedCount.incrementAndGet();
            s.queued.recordValue(latencyUs);
        } else {
            s.assignedCount.incrementAndGet();
            s.assigned.recordValue(latencyUs);
            s.assignedBySecond(t.second).recordValue(latencyUs);
        }
    }

    /** Events that arrived before the HTTP answer named their ticket. */
    private final class Early {
        private final List<Object[]> events = new ArrayList<>();

        synchronized void note(String type, long timestampMs) {
            events.add(new Object[] {type, timestampMs});
        }

        synchronized void replay(String ticketId) {
            TrackedTicket t = tracked.get(ticketId);
            for (Object[] e : events) {
                apply(t, (String) e[0], (Long) e[1]);
            }
        }
    }
}
