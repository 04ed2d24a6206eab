package cn.hotline.sla;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.AccessMatrix;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of sla-service's OpenAPI document × every identity, against src/test/resources/access-matrix.tsv. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class AccessMatrixTest {

    @Test
    void everyOperationAnswersEveryIdentityAsTheTableSays() {
        AccessMatrix.of("sla-service")
                .check("access-matrix.tsv");
    }
}
