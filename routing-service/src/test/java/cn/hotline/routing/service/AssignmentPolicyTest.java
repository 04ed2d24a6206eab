package cn.hotline.routing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.routing.config.AssignmentConfig.Policy;
import cn.hotline.routing.repository.HandlerLoadRepository.Load;

/** The two assignment policies as pure functions of the loads the database reports. */
class AssignmentPolicyTest {

    static final List<String> ON_DUTY = List.of("U-P3", "U-P1", "U-P2");

    @Test
    void leastOpenTakesTheFewestOpenThenWhoeverWasGivenWorkLongestAgoThenTheId() {
        assertThat(AssignmentPolicy.pick(Policy.LEAST_OPEN, ON_DUTY, Map.of(), null)).isEqualTo("U-P1");
        assertThat(AssignmentPolicy.pick(Policy.LEAST_OPEN, ON_DUTY, Map.of("U-P1", new Load(2, 10L),
                "U-P2", new Load(1, 11L), "U-P3", new Load(1, 12L)), null)).isEqualTo("U-P2");
        assertThat(AssignmentPolicy.pick(Policy.LEAST_OPEN, ON_DUTY, Map.of("U-P1", new Load(1, 30L),
                "U-P2", new Load(1, 20L), "U-P3", new Load(1, null)), null)).as("never given work first").isEqualTo("U-P3");
        assertThat(AssignmentPolicy.pick(Policy.LEAST_OPEN, ON_DUTY, Map.of("U-P1", new Load(0, 30L),
                "U-P2", new Load(5, null), "U-P3", new Load(0, 7L)), null)).isEqualTo("U-P3");
    }

    @Test
    void roundRobinTakesTheNextIdAfterTheLatestHandlerWrappingAround() {
        assertThat(AssignmentPolicy.pick(Policy.ROUND_ROBIN, ON_DUTY, Map.of(), null)).isEqualTo("U-P1");
        assertThat(AssignmentPolicy.pick(Policy.ROUND_ROBIN, ON_DUTY, Map.of(), "U-P1")).isEqualTo("U-P2");
        assertThat(AssignmentPolicy.pick(Policy.ROUND_ROBIN, ON_DUTY, Map.of(), "U-P3")).isEqualTo("U-P1");
        assertThat(AssignmentPolicy.pick(Policy.ROUND_ROBIN, ON_DUTY, Map.of(), "U-P15")).as("off duty now")
                .isEqualTo("U-P2");
    }
}
