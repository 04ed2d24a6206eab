package cn.hotline.console.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.Territory;
import cn.hotline.console.mapping.Views.Timer;

/** The board map's marks: every row the filter keeps counts, the earliest instants of running timers decide. */
class CountyMarkTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void eachCountyCountsAllItsRowsAndTakesTheEarliestInstantsOfItsRunningTimers() {
        List<BoardRow> rows = new ArrayList<>();
        // 450 rows: more than two pages of the board, all of them on the map.
        for (int i = 0; i < 450; i++) {
            rows.add(row("330523", T0.minusSeconds(60), T0.plusSeconds(600 + i), null));
        }
        rows.add(row("330523", T0.minusSeconds(600), T0.plusSeconds(60), null));   // the one close to its deadline
        rows.add(row("330521", T0, T0.plusSeconds(3600), T0.plusSeconds(30)));      // paused
        rows.add(row("330522", null, null, null));                                  // no timer
        rows.add(row(null, T0, T0.plusSeconds(60), null));                          // no county: not on the map

        List<CountyMark> marks = CountyMark.of(rows);

        assertThat(marks).extracting(CountyMark::countyCode).containsExactly("330523", "330521", "330522");
        CountyMark anji = marks.get(0);
        assertThat(anji.count()).isEqualTo(451);
        assertThat(anji.deadline()).isEqualTo(T0.plusSeconds(60));
        assertThat(anji.warn50()).as("50 % of the 11-minute span of the closest one").isEqualTo(T0.minusSeconds(600).plusSeconds(330));
        assertThat(anji.warn80()).isEqualTo(T0.minusSeconds(600).plusSeconds(528));
        assertThat(marks.get(1).count()).isEqualTo(1);
        assertThat(marks.get(1).deadline()).as("a paused timer is not a running one").isNull();
        assertThat(marks.get(2).deadline()).isNull();
        assertThat(CountyMark.paused(rows)).singleElement().satisfies(r -> assertThat(r.dispatch().territory().countyCode())
                .isEqualTo("330521"));
    }

    private static BoardRow row(String county, Instant started, Instant deadline, Instant pausedAt) {
        Dispatch d = new Dispatch("d-" + System.nanoTime(), "t", "HZ1", "ASSIGNED", "AUTO", null, List.of(), null, 0, null,
                List.of(), null, null, county == null ? null : new Territory(county, null, null, "POLYGON"), "0202", "COMPLAINT",
                "URGENT", "PHONE", null, null, null, null, null, null, null, T0, T0, 0, List.of());
        Timer timer = deadline == null ? null : new Timer("tm", "URGENT", "SIGN", "DISPATCH", "RUNNING", "ELAPSED", d.id(), null,
                started, "PT1M", deadline, false, List.of(), null, pausedAt, null, null, "t");
        return BoardRow.of(d, "", "", timer);
    }
}
