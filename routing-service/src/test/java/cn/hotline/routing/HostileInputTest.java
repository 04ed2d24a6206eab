package cn.hotline.routing;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HostileInput;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The hostile-input corpus over every operation of routing-service's OpenAPI document: no 5xx, problem documents, nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class HostileInputTest {

    @Test
    void hostileInputIsRefusedWithAProblemAndStoresNothing() {
        HostileInput.of("routing-service")
                .background("the ticket consumer dispatches the tickets of earlier tests",
                        "dispatch", "dispatch_action", "category_copy", "processed_event", "outbox_event")
                .check("access-matrix.tsv");
    }
}
