package cn.hotline.intake;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ServiceFoundationContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** intake-service against the real servers: migrations, Redis, outbox → Kafka → idempotent consumer, security. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class FoundationTest extends ServiceFoundationContract {
}
