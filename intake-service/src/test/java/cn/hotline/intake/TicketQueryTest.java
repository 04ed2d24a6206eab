package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** GET one, the filtered list with keyset paging, and the citizen's lookup by number. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class TicketQueryTest {

    @Test
    void getOneAndNotFound() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.simple(phone));
        given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id)).body("caller.phone", org.hamcrest.Matchers.equalTo(phone));
        given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/tickets/" + id).then().statusCode(401);
    }

    @Test
    void keysetPagingByCallerPhoneWalksEveryTicketOnce() {
        String phone = Tickets.freshPhone();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Tickets.create(Tickets.body(phone, "0101", null, null, "南浔区双林镇")));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TestJwt.token("supervisor")).queryParam("callerPhone", phone).queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get("/api/v1/tickets");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            after = page.path("next");
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
    }

    /** A desk whose token names a territory (属地) reads only tickets placed there; another's is a 404 like a missing one. */
    @Test
    void aDeskKeptToATerritoryReadsOnlyItsTickets() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.body(phone, "0801", null, null, "德清县新安镇"));
        String deqing = TestJwt.inTerritory("dispatcher", "330521");
        String xinan = TestJwt.inTerritory("supervisor", "330521114");
        String changxing = TestJwt.inTerritory("dispatcher", "330522");
        given().auth().oauth2(deqing).get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(xinan).get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(changxing).get("/api/v1/tickets/" + id).then().statusCode(404);
        given().auth().oauth2(changxing).get("/api/v1/tickets/" + id + "/trail").then().statusCode(404);
        assertThat(ids(Map.of("callerPhone", phone), deqing)).containsExactly(id);
        assertThat(ids(Map.of("callerPhone", phone), changxing)).isEmpty();
        assertThat(ids(Map.of("callerPhone", phone, "territory", "330521"), changxing)).isEmpty();
    }

    @Test
    void filtersByStatusChannelTerritoryCategoryAndTime() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.body(phone, "0801", null, null, "德清县新安镇"));
        String op = TestJwt.token("operator");
        assertThat(ids(Map.of("callerPhone", phone, "status", "ACCEPTED", "channel", "PHONE", "territory", "330521",
                "categoryCode", "0801"), op)).containsExactly(id);
        assertThat(ids(Map.of("callerPhone", phone, "territory", "330521114"), op)).containsExactly(id);
        assertThat(ids(Map.of("callerPhone", phone, "territory", "330522"), op)).isEmpty();
        assertThat(ids(Map.of("callerPhone", phone, "status", "CLOSED"), op)).isEmpty();
        assertThat(ids(Map.of("callerPhone", phone, "categoryCode", "0802"), op)).isEmpty();
        assertThat(ids(Map.of("callerPhone", phone, "from", "2000-01-01T00:00:00+08:00", "to", "2999-01-01T00:00:00+08:00"), op))
                .containsExactly(id);
        assertThat(ids(Map.of("callerPhone", phone, "to", "2000-01-01T00:00:00+08:00"), op)).isEmpty();
        given().auth().oauth2(op).queryParam("status", "LOST").queryParam("limit", "0").get("/api/v1/tickets").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("status", "limit"));
    }

    @Test
    void lookupByNumberShowsProgressOnly() {
        String phone = Tickets.freshPhone();
        Response created = Tickets.post(Tickets.simple(phone));
        String number = created.path("number");
        Response lookup = given().auth().oauth2(TestJwt.token("handler")).get("/api/v1/tickets/by-number/" + number);
        lookup.then().statusCode(200).body("number", org.hamcrest.Matchers.equalTo(number))
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"))
                .body("categoryName", org.hamcrest.Matchers.equalTo("噪声扰民"));
        assertThat(lookup.asString()).doesNotContain(phone).doesNotContain("张三").doesNotContain("content");
        given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/by-number/HZ00000000000000").then().statusCode(404);
    }

    private static List<String> ids(Map<String, String> params, String token) {
        return given().auth().oauth2(token).queryParams(params).get("/api/v1/tickets").then().statusCode(200).extract().path("items.id");
    }
}
