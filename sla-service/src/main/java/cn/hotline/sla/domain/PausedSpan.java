package cn.hotline.sla.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stretch during which a timer's clock stood still (挂起, e.g. a hearing 听证). */
public record PausedSpan(Instant start, Instant end) {

    /** Spans as stored: {@code start/end;start/end}. */
    public static List<PausedSpan> parseAll(String text) {
        List<PausedSpan> spans = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return spans;
        }
        for (String part : text.split(";")) {
            String[] ends = part.split("/");
            spans.add(new PausedSpan(Instant.parse(ends[0]), Instant.parse(ends[1])));
        }
        return spans;
    }

    public static String format(List<PausedSpan> spans) {
        return String.join(";", spans.stream().map(s -> s.start + "/" + s.end).toList());
    }
}
