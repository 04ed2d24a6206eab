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
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class HostileInputTest {

    @Test
    void hostileInputIsRefusedWithAProblemAndStoresNothing() {
        HostileInput.of("notify-service")
                .background("the event consumers and the send worker write these for the events of earlier tests",
                        "ticket_context", "scheduled_level", "escalation_stop", "notification", "message_part", "sms_receipt",
                        "citizen_message", "inbound_sms", "category_copy", "processed_event", "outbox_event")
                .check("access-matrix.tsv");
    }
}
