package cn.hotline.notify;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ServiceFoundationContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** notify-service against the real servers: migrations, Redis, outbox → Kafka → idempotent consumer, security. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class FoundationTest extends ServiceFoundationContract {
}
