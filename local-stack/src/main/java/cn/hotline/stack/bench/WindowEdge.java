package cn.hotline.stack.bench;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/** What the machine had done by one edge of a step's measured window: CPU, PostgreSQL work, Kafka end offsets. */
record WindowEdge(ProcessCpu.Snapshot cpu, PgCounters.Totals db, Map<TopicPartition, Long> offsets) {

    /** Now; offsets empty when Kafka does not answer. */
    static WindowEdge take(KafkaCounters kafka, PgCounters pg) {
        Map<TopicPartition, Long> offsets;
        try {
            offsets = kafka.endOffsets();
        } catch (Exception e) {
            offsets = Map.of();
        }
        return new WindowEdge(ProcessCpu.take(), pg.take(), offsets);
    }
}
