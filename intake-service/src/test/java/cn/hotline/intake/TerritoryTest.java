package cn.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.service.TerritoryResolver;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Territory resolution over the real Huzhou boundaries and division names; outside or unmatched → unresolved. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class TerritoryTest {

    @Inject
    TerritoryResolver resolver;

    @ParameterizedTest(name = "{0} ({1},{2}) → {3}")
    @CsvSource({
            "湖州市区 爱山,        30.87,  120.09,  330502",
            "织里镇,               30.84,  120.26,  330502",
            "埭溪镇,               30.70,  119.93,  330502",
            "吴兴腹地,             30.844, 120.049, 330502",
            "南浔古镇,             30.87,  120.42,  330503",
            "菱湖镇,               30.72,  120.20,  330503",
            "双林镇,               30.78,  120.33,  330503",
            "武康街道,             30.54,  119.97,  330521",
            "新市镇,               30.62,  120.29,  330521",
            "莫干山镇,             30.61,  119.88,  330521",
            "长兴县城 雉城,        31.01,  119.91,  330522",
            "煤山镇,               31.04,  119.78,  330522",
            "泗安镇,               30.92,  119.68,  330522",
            "安吉县城 递铺,        30.64,  119.68,  330523",
            "天荒坪镇,             30.52,  119.63,  330523",
            "孝丰镇,               30.59,  119.55,  330523",
    })
    void pointsInsideEachCountyResolveByPolygon(String place, double lat, double lon, String county) {
        TerritoryResult result = resolver.resolve(lat, lon, null);
        assertThat(result.countyCode()).as(place).isEqualTo(county);
        assertThat(result.townCode()).isNull();
        assertThat(result.resolvedBy()).isEqualTo("POLYGON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "安吉县天荒坪镇余村,                       330523, 330523108, 330523108204",
            "天荒坪余村,                               330523, 330523108, 330523108204",
            "长兴县雉城街道人民路8号,                  330522, 330522001, null",
            "德清县莫干山镇,                           330521, 330521115, null",
            "南浔区练市镇,                             330503, 330503102, null",
            "吴兴区织里镇,                             330502, 330502100, null",
            "湖州市南浔区南浔镇,                       330503, 330503100, null",
    })
    void addressesResolveToTownAndVillage(String address, String county, String town, String village) {
        TerritoryResult result = resolver.resolve(null, null, address);
        assertThat(result.countyCode()).as(address).isEqualTo(county);
        assertThat(result.townCode()).as(address).isEqualTo(town);
        assertThat(result.villageCode()).as(address).isEqualTo(village);
        assertThat(result.resolvedBy()).isEqualTo("ADDRESS");
    }

    @Test
    void polygonAndAddressTogether() {
        TerritoryResult result = resolver.resolve(30.52, 119.63, "安吉县天荒坪镇余村");
        assertThat(result).isEqualTo(new TerritoryResult("330523", "330523108", "330523108204", "POLYGON+ADDRESS"));
    }

    @Test
    void addressOfAnotherCountyDoesNotOverrideThePolygon() {
        // The point is in 安吉县; 织里镇 is in 吴兴区, so the town is not taken.
        TerritoryResult result = resolver.resolve(30.64, 119.68, "织里镇");
        assertThat(result).isEqualTo(new TerritoryResult("330523", null, null, "POLYGON"));
    }

    @Test
    void shortVillageNameAloneIsNotGuessed() {
        // 余村 is two characters: without its town it could be anything.
        assertThat(resolver.resolve(null, null, "余村").resolved()).isFalse();
    }

    @ParameterizedTest(name = "({0},{1}) is outside Huzhou")
    @CsvSource({"30.27, 120.16", "30.0, 123.0", "31.23, 121.47"})
    void pointsOutsideAreUnresolved(double lat, double lon) {
        assertThat(resolver.resolve(lat, lon, null)).isEqualTo(TerritoryResult.UNRESOLVED);
    }

    @Test
    void unresolvedTicketIsFlaggedNotGuessed() {
        Map<String, Object> inHangzhou = Tickets.body(Tickets.freshPhone(), "0202", 30.27, 120.16, "杭州市西湖区文三路");
        Response created = Tickets.post(inHangzhou);
        created.then().statusCode(201);
        assertThat((List<String>) created.path("flags")).contains("TERRITORY_UNRESOLVED");
        assertThat((String) created.path("territory.countyCode")).isNull();
        Map<String, Object> atSea = Tickets.body(Tickets.freshPhone(), "0202", 30.0, 123.0, null);
        assertThat((List<String>) Tickets.post(atSea).then().statusCode(201).extract().path("flags")).contains("TERRITORY_UNRESOLVED");
    }
}
