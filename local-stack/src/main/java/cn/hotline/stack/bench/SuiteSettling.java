package cn.hotline.stack.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits, after a chaos run, until the suite has published its outboxes and its services have consumed what the run produced. */
final class SuiteSettling {

    private static final List<String> GROUPS = List.of("intake-service", "routing-service", "sla-service", "notify-service");

    private final ServiceDatabases databases;
    private final String bootstrap;

    SuiteSettling(ServiceDatabases databases, String bootstrap) {
        this.databases = databases;
        this.bootstrap = bootstrap;
    }

    /** True once every ticket and dispatch event is consumed and no backlog is left (twice, 10 s apart) within {@code bound}. */
    boolean settle(Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long pending = 0;
            for (String service : List.of("intake", "routing", "sla", "notify")) {
                pending += databases.single(service, "select count(*) from outbox_event where published_at is null");
            }
            long[] lag = lag();
            System.out.printf("  settling: %d unpublished outbox rows, consumer lag %d on tickets/dispatches, %d in all%n",
                    pending, lag[0], lag[1]);
            // Warnings, breaches and reminders keep flowing for hours after a run (outbox rows and lag on hotline.sla);
            // what the checks need is every ticket and dispatch event consumed, and no backlog.
            quiet = lag[0] == 0 && pending <= 200 && lag[1] <= 1000 ? quiet + 1 : 0;
            if (quiet >= 2) {
                return true;
            }
            TimeUnit.SECONDS.sleep(10);
        }
        return false;
    }

    /** Consumer lag on hotline.tickets and hotline.dispatches, and on every topic. */
    private long[] lag() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            long lag = 0;
            long runLag = 0;
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        long behind = Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                        lag += behind;
                        if (e.getKey().topic().equals("hotline.tickets") || e.getKey().topic().equals("hotline.dispatches")) {
                            runLag += behind;
                        }
                    }
                }
            }
            return new long[] {runLag, lag};
        }
    }
}
