package cn.hotline.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The bench's own judgement: its options refuse nonsense by name, and "flat lag" and "holds" mean what they say. */
class BenchMeasuresTest {

    @Test
    void optionsAreCheckedByName() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate", "fast", "--operator-token", "t"}))
                .hasMessageContaining("--rate").hasMessageContaining("fast");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--in-flight", "0", "--operator-token", "t"}))
                .hasMessageContaining("--in-flight must be greater than 0");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rtae", "5", "--operator-token", "t"}))
                .hasMessageContaining("unknown option --rtae");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate", "5"})).hasMessageContaining("--operator-token");
        BenchOptions o = BenchOptions.parse(new String[] {"--find-max", "--step-factor", "1.5", "--operator-token", "t"});
        assertThat(o.findMax()).isTrue();
        assertThat(o.stepFactor()).isEqualTo(1.5);
        assertThat(o.rate()).isEqualTo(1000);
        assertThat(o.reference()).isTrue();
    }

    @Test
    void aSawtoothOfCommitsIsFlatButASteadyClimbIsNot() {
        List<long[]> sawtooth = new ArrayList<>();
        List<long[]> climbing = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            sawtooth.add(new long[] {s * 1_000_000_000L, (s % 5) * 600L});
            climbing.add(new long[] {s * 1_000_000_000L, s * 100L});
        }
        assertThat(StepResult.lagGrowth(sawtooth)).isLessThan(500);
        assertThat(StepResult.lagGrowth(climbing)).isCloseTo(5_900, org.assertj.core.data.Offset.offset(1.0));
        assertThat(step(100, Map.of("routing", sawtooth), 0, 200).lagFlat()).isTrue();
        assertThat(step(100, Map.of("routing", climbing), 0, 200).lagFlat()).isFalse();
    }

    @Test
    void aStepHoldsOnlyWithinTheBoundWithoutMisses() {
        List<long[]> flat = List.of(new long[] {0, 10}, new long[] {30_000_000_000L, 12});
        assertThat(step(100, Map.of("sla", flat), 0, 200).holds(500)).isTrue();
        assertThat(step(100, Map.of("sla", flat), 0, 800).holds(500)).isFalse();
        assertThat(step(100, Map.of("sla", flat), 1, 200).holds(500)).isFalse();
    }

    @Test
    void aStepWhereEveryRequestWasRefusedStillGetsItsSummaryLine() {
        Histogram none = new Histogram(3);
        StepResult refused = new StepResult(15, 10, 60, 900, 0, Map.of("HTTP 401", 900L), 0, 0, 0, 0, none, none, none,
                none, none, Map.of(), Map.of(), Map.of(), Map.of(), new PgCounters.Totals(0, 0, -1), 0, new long[0],
                new long[0], new long[0], new double[0]);
        Map<String, Object> line = Bench.stepSummary(refused, 500);
        assertThat(line).containsEntry("offered", 15).containsEntry("sustained", 0.0).containsEntry("holds", false);
        assertThat(line).containsKey("p99AssignedMs");
        assertThat(line.get("p99AssignedMs")).isNull();
    }

    private static StepResult step(int rate, Map<String, List<long[]>> lag, long misses, long p99Ms) {
        Histogram assigned = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            assigned.recordValue(p99Ms * 1_000);
        }
        Histogram none = new Histogram(3);
        return new StepResult(rate, 0, 30, 3000, 3000, Map.of(), 3000, 3000, 0, misses, none, none, assigned, none, none,
                lag, Map.of("intake-service", 3000.0), Map.of(), Map.of(), new PgCounters.Totals(0, 0, -1), 0, new long[0], new long[0],
                new long[0], new double[0]);
    }
}
