package cn.hotline.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;

/** A ticket's events count once, whether they arrive after the HTTP answer or overtake it. */
class TicketTimingsTest {

    @Test
    void eventsThatOvertakeTheAnswerAreAppliedWhenItComes() {
        TicketTimings timings = new TicketTimings();
        LoadStep step = new LoadStep(10, 0, 60, 0, null, null);
        timings.begin(step);
        long sent = step.startMs;

        timings.seen(EventTypes.TICKET_CREATED, "t-1", sent + 20);
        timings.seen(EventTypes.DISPATCH_QUEUED, "t-1", sent + 40);
        assertThat(step.created.getTotalCount()).isZero();

        timings.accepted("t-1", new TrackedTicket(sent, 0, true));
        timings.seen(EventTypes.DISPATCH_QUEUED, "t-1", sent + 90);

        assertThat(step.created.getTotalCount()).isEqualTo(1);
        assertThat(step.queued.getTotalCount()).isEqualTo(1);
        assertThat(step.queued.getMaxValue()).isBetween(39_000L, 41_000L);
        assertThat(step.dispatchedInWindow.get()).isEqualTo(1);
        assertThat(timings.undispatched()).isZero();
    }

    @Test
    void aMeasuredTicketWithoutDispatchIsUndispatched() {
        TicketTimings timings = new TicketTimings();
        timings.begin(new LoadStep(10, 0, 60, 0, null, null));
        timings.accepted("t-2", new TrackedTicket(System.currentTimeMillis(), 0, true));
        timings.accepted("t-3", new TrackedTicket(System.currentTimeMillis(), 0, false));
        assertThat(timings.undispatched()).isEqualTo(1);
    }

    @Test
    void theTicketIdIsReadFromTheAnswer() {
        assertThat(TicketPosts.ticketId("{\"number\":\"N1\", \"id\" : \"abc-1\"}")).contains("abc-1");
        assertThat(TicketPosts.ticketId("{\"number\":\"N1\"}")).isEmpty();
    }
}
