package cn.hotline.sla;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ServiceFoundationContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** sla-service against the real servers: migrations, Redis, outbox → Kafka → idempotent consumer, security. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class FoundationTest extends ServiceFoundationContract {
}
