package cn.hotline.notify;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.AccessMatrix;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of notify-service's OpenAPI document × every identity, against src/test/resources/access-matrix.tsv. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class AccessMatrixTest {

    @Test
    void everyOperationAnswersEveryIdentityAsTheTableSays() {
        AccessMatrix.of("notify-service")
                .check("access-matrix.tsv");
    }
}
