package cn.hotline.routing;

import static cn.hotline.routing.Dispatches.get;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.routing.service.DispatchService;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ScopeSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A real dispatch in 安吉县 (330523): no GET shows it to another unit's handler or another county's desk. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class ScopeSweepTest {

    @Inject
    DispatchService service;

    @Test
    void noGetShowsASeededDispatchOutsideItsUnitAndCounty() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", "330523002", null);
        JsonPath dispatch = get(id);
        String unit = dispatch.getString("lead.unitCode");
        String note = "签收-扫描标记-" + java.util.UUID.randomUUID();
        Dispatches.act(id, "sign", Dispatches.handler(unit), java.util.Map.of("note", note)).then().statusCode(200);
        ScopeSweep.of("routing-service")
                .value("id", id).value("dispatchId", id).value("ticketId", dispatch.getString("ticketId"))
                .marker(dispatch.getString("ticketNumber")).marker(note)
                .owner(unit, "330523")
                .check();
    }
}
