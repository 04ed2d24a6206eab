package cn.hotline.intake;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HostileInput;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The hostile-input corpus over every operation of intake-service's OpenAPI document: no 5xx, problem documents, nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class HostileInputTest {

    @Test
    void hostileInputIsRefusedWithAProblemAndStoresNothing() {
        HostileInput.of("intake-service")
                .background("the dispatch consumer, the follow-up sweeper and the 110 worker act on the tickets of earlier tests",
                        "ticket_unit", "ticket_trail", "follow_up", "hotword_surge", "police_handover", "progress_link", "processed_event", "outbox_event")
                .formField("api_key", "local-open311-key")
                .contractErrors("/open311/", "GeoReport v2 prescribes its own error list ([{code, description}]) as application/json")
                .accepting("POST /api/v1/police-transfers",
                        "categoryCode is optional for a 110 transfer: the harmless body with a null category is a valid transfer and is filed")
                .check("access-matrix.tsv");
    }
}
