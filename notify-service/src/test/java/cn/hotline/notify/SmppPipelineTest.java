package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.notify.config.SmppConfig;
import cn.hotline.notify.service.ReminderLadderScheduler;
import cn.hotline.notify.service.Tx;
import cn.hotline.testsupport.HotlineTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With an SMSC that answers each submit_sm only after 400 ms, 55 messages (60 submit_sm) still go out in a
 * fraction of the 24 s one-at-a-time sending would take: several submit_sm are in flight (never more than the
 * window), and one recipient's five long messages arrive whole and in order.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class SmppPipelineTest extends NotifyTestBase {

    private static final long DELAY_MS = 400;

    @Inject Tx tx;
    @Inject ReminderLadderScheduler ladder;
    @Inject MeterRegistry registry;
    @Inject SmppConfig smppConfig;

    @Test
    void manySubmitSmAreInFlightAtOnceAndOneRecipientsPartsStayInOrder() {
        String prefix = id("pipe");
        String unit = id("U");
        Instant due = TestClock.get().instant().plus(Duration.ofHours(2));
        List<DueWork.Notice> notices = new ArrayList<>();
        String orderedPhone = RoutingStub.phone();
        List<String> orderedNumbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // A long ticket number makes a two-part UCS-2 message; these five are due first, one after the other.
            String number = "ORDER" + i + "-" + "X".repeat(40);
            orderedNumbers.add(number);
            notices.add(new DueWork.Notice(prefix + "-o" + i, number, prefix + "-ordered", orderedPhone, due.plusMillis(i)));
        }
        for (int i = 0; i < 50; i++) {
            notices.add(DueWork.notice(prefix, i, "N" + i, RoutingStub.phone(), due.plusMillis(10 + i)));
        }
        DueWork.schedule(tx, ladder, routing, unit, notices);
        List<String> phones = notices.stream().map(DueWork.Notice::phone).distinct().toList();

        AtomicInteger peak = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        System.setProperty(SlowSmscProxy.DELAY, String.valueOf(DELAY_MS));
        long elapsedMs;
        List<Map<String, Object>> received;
        try {
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet((int) inFlight(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            TestClock.get().set(due.plusSeconds(1));
            received = await().until(() -> smsc.all().stream().filter(m -> phones.contains(m.get("destination"))).toList(),
                    l -> l.size() == notices.size());
            elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            System.clearProperty(SlowSmscProxy.DELAY);
            sampler.shutdownNow();
        }

        int submits = received.stream().mapToInt(m -> (Integer) m.get("segments")).sum();
        long oneAtATimeMs = submits * DELAY_MS;
        System.out.printf("pipeline: %d messages, %d submit_sm in %d ms with %d ms per response (one at a time >= %d ms);"
                + " peak in flight %d (window %d)%n", received.size(), submits, elapsedMs, DELAY_MS, oneAtATimeMs,
                peak.get(), smppConfig.window());
        assertThat(peak.get()).as("submit_sm in flight at once").isGreaterThan(1).isLessThanOrEqualTo(smppConfig.window());
        assertThat(elapsedMs).as("faster than one submit_sm at a time").isLessThan(oneAtATimeMs);
        List<Map<String, Object>> ordered = received.stream().filter(m -> orderedPhone.equals(m.get("destination"))).toList();
        assertThat(ordered).hasSize(5).allSatisfy(m -> assertThat(m.get("segments")).isEqualTo(2));
        for (int i = 0; i < 5; i++) {
            assertThat((String) ordered.get(i).get("text")).as("message %d to one recipient", i).contains(orderedNumbers.get(i));
        }
    }

    private double inFlight() {
        var gauge = registry.find("hotline.notify.smpp.in-flight").gauge();
        return gauge == null ? 0 : gauge.value();
    }
}
