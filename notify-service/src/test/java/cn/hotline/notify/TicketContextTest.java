package cn.hotline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.notify.service.TicketContextService;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * notify's ticket context, one upsert per dispatch event: the first event creates it, dispatch.assigned makes its
 * dispatch the current one, an older dispatch's event changes only the ticket's own facts, and a fact an event leaves
 * out keeps what was known.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class TicketContextTest extends NotifyTestBase {

    @Inject Pool pool;
    @Inject TicketContextService contexts;

    @Test
    void theCurrentDispatchWinsAndAnOlderOnesEventOnlyAddsTheTicketsFacts() throws Throwable {
        TestEvents.Ticket first = TestEvents.Ticket.fresh("U-first", "H-first", "NORMAL", "递铺街道 1 号");
        TestEvents.Ticket second = new TestEvents.Ticket(first.ticketId(), first.number(), first.dispatchId() + "-2",
                "U-second", "H-second", "URGENT", "330523", null);
        Instant t0 = Instant.parse("2026-11-23T02:00:00Z");

        remember(event("dispatch.assigned", first, t0));
        assertThat(row(first.ticketId())).containsExactly(first.number(), first.dispatchId(), "U-first", "H-first",
                "ASSIGNED", "递铺街道 1 号", "NORMAL", 0);

        remember(event("dispatch.assigned", second, t0.plusSeconds(60)));
        // The new dispatch is current; the address it does not carry is kept.
        assertThat(row(first.ticketId())).containsExactly(first.number(), second.dispatchId(), "U-second", "H-second",
                "ASSIGNED", "递铺街道 1 号", "URGENT", 1);

        TestEvents.Ticket late = new TestEvents.Ticket(first.ticketId(), null, first.dispatchId(), "U-first", "H-first",
                "NORMAL", "330523", "递铺街道 2 号");
        remember(event("dispatch.signed", late, t0.plusSeconds(120)));
        // The first dispatch's late event: its unit, handler and state do not come back; the ticket's facts do change.
        assertThat(row(first.ticketId())).containsExactly(first.number(), second.dispatchId(), "U-second", "H-second",
                "ASSIGNED", "递铺街道 2 号", "NORMAL", 2);
    }

    private static DispatchEvent event(String type, TestEvents.Ticket t, Instant at) {
        return EventCodec.decode(TestEvents.dispatch(type, t, at, null), DispatchEvent.class);
    }

    private void remember(DispatchEvent e) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> contexts.remember(e)));
    }

    private List<Object> row(String ticketId) {
        Row r = pool.preparedQuery("select ticket_number, dispatch_id, unit_code, handler_id, state, address, urgency, version"
                + " from ticket_context where ticket_id = $1").execute(Tuple.of(ticketId)).await().indefinitely().iterator().next();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            values.add(r.getValue(i));
        }
        return values;
    }
}
