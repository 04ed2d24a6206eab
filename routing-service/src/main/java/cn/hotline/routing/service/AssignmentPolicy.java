package cn.hotline.routing.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.hotline.routing.config.AssignmentConfig.Policy;
import cn.hotline.routing.repository.HandlerLoadRepository.Load;

/** The choice of a handler among the people on duty, as a pure function of what the database says (deterministic). */
final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    /**
     * LEAST_OPEN: fewest open dispatches; ties to the one whose latest dispatch is oldest (never given one first),
     * then by person id. ROUND_ROBIN: the next person id after the unit's latest handler, wrapping around.
     */
    static String pick(Policy policy, List<String> onDuty, Map<String, Load> loads, String lastHandler) {
        List<String> sorted = onDuty.stream().sorted().toList();
        if (policy == Policy.ROUND_ROBIN) {
            return sorted.stream().filter(id -> lastHandler != null && id.compareTo(lastHandler) > 0).findFirst()
                    .orElse(sorted.get(0));
        }
        Comparator<String> byOpen = Comparator.comparingLong(id -> load(loads, id).open());
        Comparator<String> byLast = Comparator.comparing(id -> load(loads, id).lastSeq(),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return sorted.stream().min(byOpen.thenComparing(byLast).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    private static Load load(Map<String, Load> loads, String id) {
        return loads.getOrDefault(id, new Load(0, null));
    }
}
