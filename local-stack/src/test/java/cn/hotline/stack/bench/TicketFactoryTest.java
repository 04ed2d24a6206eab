package cn.hotline.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The benchmark's tickets are well-formed and spread across Huzhou's five counties. */
class TicketFactoryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void ticketsAreWellFormedAndCoverEveryCounty() throws Exception {
        TicketFactory factory = new TicketFactory(7L);
        Set<String> counties = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            JsonNode ticket = json.readTree(factory.next());
            double lat = ticket.at("/location/lat").asDouble();
            double lon = ticket.at("/location/lon").asDouble();
            assertThat(lat).isBetween(30.3, 31.2);
            assertThat(lon).isBetween(119.2, 120.6);
            assertThat(ticket.at("/caller/phone").asText()).matches("1[3-9]\\d{9}");
            assertThat(ticket.get("categoryCode").asText()).hasSizeGreaterThanOrEqualTo(4);
            String address = ticket.at("/location/address").asText();
            counties.add(address.substring(0, 3));
        }
        assertThat(counties).containsExactlyInAnyOrder("吴兴区", "南浔区", "德清县", "长兴县", "安吉县");
    }
}
