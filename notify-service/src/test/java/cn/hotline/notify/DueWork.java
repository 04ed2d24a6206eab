package cn.hotline.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.hotline.notify.domain.DispatchTrigger;
import cn.hotline.notify.domain.Trigger;
import cn.hotline.notify.service.ReminderLadderScheduler;
import cn.hotline.notify.service.Tx;
import io.smallrye.mutiny.Multi;

/** Schedules many dispatch notices at once (one transaction), due at a future instant of the test clock. */
final class DueWork {

    private DueWork() {
    }

    /** One handler (id, phone, ticket) with its notice due at {@code dueAt}. */
    record Notice(String ticketId, String ticketNumber, String handlerId, String phone, Instant dueAt) {
    }

    static Notice notice(String prefix, int i, String ticketNumber, String phone, Instant dueAt) {
        return new Notice(prefix + "-t" + i, ticketNumber, prefix + "-h" + i, phone, dueAt);
    }

    /** Registers each handler at the routing stub and schedules its URGENT dispatch notice (level 1, HANDLER). */
    static void schedule(Tx tx, ReminderLadderScheduler ladder, RoutingStub routing, String unit, List<Notice> notices) {
        List<DispatchTrigger> triggers = new ArrayList<>();
        for (Notice n : notices) {
            routing.person(n.handlerId(), n.phone(), unit, "handler");
            triggers.add(new DispatchTrigger(n.ticketId(), n.ticketNumber(), "d-" + n.ticketId(), "URGENT", "SIGN",
                    Trigger.DISPATCHED, unit, n.handlerId(), "URGENT", null, null, n.dueAt(), null));
        }
        tx.run(() -> Multi.createFrom().iterable(triggers).onItem().transformToUniAndConcatenate(ladder::trigger)
                .collect().asList());
    }
}
