package cn.hotline.routing;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.AccessMatrix;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of routing-service's OpenAPI document × every identity, against src/test/resources/access-matrix.tsv. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class AccessMatrixTest {

    @Test
    void everyOperationAnswersEveryIdentityAsTheTableSays() {
        AccessMatrix.of("routing-service")
                .check("access-matrix.tsv");
    }
}
