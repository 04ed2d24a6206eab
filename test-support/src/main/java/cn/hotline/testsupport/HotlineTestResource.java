package cn.hotline.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at real servers: the in-JVM Kafka broker, PostgreSQL (a fresh
 * {@code hotline_<service>_test} database) and Redis (a database index of the service's own), and at the
 * test key pair for JWTs. Arguments: {@code service} (e.g. {@code intake}), {@code redisDb}, and {@code serviceClient}
 * for a service that calls others as itself (its client id at the test issuer, {@link TestIssuer}).
 */
public class HotlineTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "test";
    private String redisDb = "15";
    private String serviceClient;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        redisDb = initArgs.getOrDefault("redisDb", redisDb);
        serviceClient = initArgs.get("serviceClient");
    }

    @Override
    public Map<String, String> start() {
        // A second checkout testing beside this one (a git worktree) sets its own suffix and Redis index.
        String database = "hotline_" + service + "_test" + System.getProperty("hotline.test.db-suffix", "");
        String redisIndex = System.getProperty("hotline.test.redis-db", redisDb);
        String postgres = TestServers.postgres();
        TestServers.freshDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", "postgresql://" + postgres + "/" + database);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + postgres + "/" + database);
        config.put("quarkus.datasource.username", "postgres");
        config.put("hotline.redis.uri", "redis://" + TestServers.redis() + "/" + redisIndex);
        config.put("mp.jwt.verify.publickey.location", TestJwt.publicKeyPath());
        config.put("mp.jwt.verify.issuer", TestJwt.ISSUER);
        if (serviceClient != null) {
            config.putAll(TestIssuer.clientConfig(serviceClient));
        }
        return config;
    }

    @Override
    public void stop() {
        // The broker and embedded servers live as long as the test JVM; shutdown hooks stop them.
    }
}
