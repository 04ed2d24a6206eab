package cn.hotline.console.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the board's map needs of one county, over every open dispatch the filter keeps (not only the page shown):
 * how many, and the earliest 50 %, 80 % and deadline instants among their running timers — the worst colour at any
 * moment is decided by those three, so the browser colours the county as it colours a row. Paused timers keep the
 * colour they had when paused and are listed one by one ({@link #paused}).
 */
public record CountyMark(String countyCode, int count, Instant warn50, Instant warn80, Instant deadline) {

    /** The marks of {@code rows}, one per county, in the order counties first appear. */
    public static List<CountyMark> of(List<BoardRow> rows) {
        Map<String, CountyMark> marks = new LinkedHashMap<>();
        for (BoardRow row : rows) {
            String county = county(row);
            if (county == null) {
                continue;
            }
            boolean running = row.timer() != null && row.timer().pausedAt() == null;
            CountyMark mark = new CountyMark(county, 1, running ? row.warn50() : null, running ? row.warn80() : null,
                    running ? row.deadline() : null);
            marks.merge(county, mark, CountyMark::plus);
        }
        return List.copyOf(marks.values());
    }

    /** The rows whose timer is paused (their colour is frozen at the pause), for the map. */
    public static List<BoardRow> paused(List<BoardRow> rows) {
        List<BoardRow> paused = new ArrayList<>();
        for (BoardRow row : rows) {
            if (county(row) != null && row.timer() != null && row.timer().pausedAt() != null) {
                paused.add(row);
            }
        }
        return paused;
    }

    private CountyMark plus(CountyMark other) {
        return new CountyMark(countyCode, count + other.count, earlier(warn50, other.warn50), earlier(warn80, other.warn80),
                earlier(deadline, other.deadline));
    }

    private static String county(BoardRow row) {
        return row.dispatch().territory() == null ? null : row.dispatch().territory().countyCode();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
