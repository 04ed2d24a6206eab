package cn.hotline.notify;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HostileInput;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The hostile-input corpus over every operation of notify-service's OpenAPI document: no 5xx, problem documents, nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14")})
class HostileInputTest {

    @Test
    void hostileInputIsRefusedWithAProblemAndStoresNothing() {
        HostileInput.of("notify-service")
                .check("access-matrix.tsv");
    }
}
