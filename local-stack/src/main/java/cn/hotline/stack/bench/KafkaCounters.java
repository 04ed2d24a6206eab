package cn.hotline.stack.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** The suite's Kafka as the bench sees it: records written to the hotline.* topics, and each consumer group's lag. */
final class KafkaCounters implements AutoCloseable {

    private static final long TIMEOUT_S = 10;

    private final Admin admin;

    KafkaCounters(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** The end offset of every partition of the suite's topics. */
    Map<TopicPartition, Long> endOffsets() throws Exception {
        List<String> topics = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith("hotline.")).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS).values().forEach(d ->
                d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(request).all().get(TIMEOUT_S, TimeUnit.SECONDS).entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }

    static long written(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Records not yet consumed per active (STABLE) consumer group, on the suite's topics only. */
    Map<String, Long> lagByGroup() throws Exception {
        Map<TopicPartition, Long> ends = endOffsets();
        List<String> groups = new ArrayList<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(TIMEOUT_S, TimeUnit.SECONDS)) {
            if (group.groupState().orElse(GroupState.UNKNOWN) == GroupState.STABLE) {
                groups.add(group.groupId());
            }
        }
        Map<String, Long> lag = new TreeMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
            long behind = 0;
            boolean ours = false;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                Long end = ends.get(e.getKey());
                if (end != null && e.getValue() != null) {
                    ours = true;
                    behind += Math.max(0, end - e.getValue().offset());
                }
            }
            if (ours) {
                lag.put(group, behind);
            }
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
