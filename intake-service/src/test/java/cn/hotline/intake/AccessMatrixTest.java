package cn.hotline.intake;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.AccessMatrix;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of intake-service's OpenAPI document × every identity, against src/test/resources/access-matrix.tsv. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class AccessMatrixTest {

    @Test
    void everyOperationAnswersEveryIdentityAsTheTableSays() {
        AccessMatrix.of("intake-service")
                .formField("/open311/", "api_key", "local-open311-key")
                .check("access-matrix.tsv");
    }
}
