package cn.hotline.intake;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ScopeSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A real ticket placed in 安吉县 (330523): no GET shows it to another unit's handler or another county's desk. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class ScopeSweepTest {

    @Test
    void noGetShowsASeededTicketOutsideItsUnitAndCounty() {
        String marker = "扫描标记-" + UUID.randomUUID();
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("content", "村口路灯不亮，" + marker);
        JsonPath ticket = Tickets.post(body).then().statusCode(201).extract().jsonPath();
        ScopeSweep.of("intake-service")
                .value("id", ticket.getString("id")).value("ticketId", ticket.getString("id"))
                .marker(marker).marker(ticket.getString("number"))
                .owner("330523-ENFORCEMENT", ticket.getString("territory.countyCode"))
                .check();
    }
}
