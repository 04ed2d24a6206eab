package cn.hotline.stack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The machine's own limits, measured the same way the suite uses the servers, as the reference for ratios. */
final class ReferenceLimits {

    private ReferenceLimits() {
    }

    /**
     * Records/s of an idempotent, acks=all producer sending 1 KiB records for {@code seconds} to a scratch topic the
     * bench creates for this run and deletes afterwards (none of the suite's topics sees a record of it).
     */
    static double kafkaProduceRate(String bootstrap, int seconds) throws Exception {
        String topic = "bench.reference-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
            try {
                return produce(bootstrap, topic, seconds);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static double produce(String bootstrap, String topic, int seconds) {
        byte[] value = new byte[1024];
        AtomicLong acked = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "2",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long start = System.nanoTime();
            long i = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, "bench-" + (i++ % 1000), value), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
            return acked.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Rows/s of single-row insert transactions from {@code connections} JDBC connections for {@code seconds}. */
    static double postgresInsertRate(String jdbcUrl, int connections, int seconds) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = setup.createStatement()) {
            statement.execute("create table if not exists bench_reference (id bigserial primary key, payload text not null,"
                    + " created_at timestamptz not null default now())");
            statement.execute("truncate bench_reference");
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<Long>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                long rows = 0;
                try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                        PreparedStatement insert = connection.prepareStatement(
                                "insert into bench_reference (payload) values (?)")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, "{\"content\":\"反映噪声扰民问题，已持续多日\",\"n\":" + rows + "}");
                        insert.executeUpdate();
                        rows++;
                    }
                }
                return rows;
            }));
        }
        long total = 0;
        for (Future<Long> worker : workers) {
            total += worker.get();
        }
        pool.shutdown();
        try (Connection cleanup = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = cleanup.createStatement()) {
            statement.execute("drop table bench_reference");
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
