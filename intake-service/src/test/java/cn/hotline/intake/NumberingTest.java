package cn.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Ticket numbers under concurrency: unique, and without gaps on one replica when nothing rolls back, across reserved blocks (HZ + yyyyMMdd + 6 digits). */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class NumberingTest {

    private static final Logger LOG = Logger.getLogger(NumberingTest.class);
    private static final int TICKETS = 40;

    @Test
    void concurrentCreatesGetUniqueContiguousNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                calls.add(() -> Tickets.post(Tickets.body(Tickets.freshPhone(), "0801", null, null, "南浔区和孚镇")));
            }
            for (Future<Response> future : pool.invokeAll(calls)) {
                Response response = future.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                numbers.add(response.path("number"));
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("%d concurrent creates in %d ms (%.0f tickets/s, test client included)", TICKETS, millis, TICKETS * 1000.0 / millis);
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("HZ\\d{14}"));
        List<Long> sequence = numbers.stream().map(n -> Long.parseLong(n.substring(10))).sorted().toList();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).as("no gaps").isEqualTo(TICKETS - 1);
    }
}
