package cn.hotline.console.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;

/** How pages write times (Asia/Shanghai, the region's zone), shortened texts, and the choice lists of forms. */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZONE);

    @TemplateGlobal
    public static final List<String> CHANNELS = List.of("PHONE", "APP", "WEB", "LETTER", "VISIT");

    @TemplateGlobal
    public static final List<String> KINDS = List.of("COMPLAINT", "HELP", "CONSULT", "REPORT", "SUGGESTION", "PETITION");

    @TemplateGlobal
    public static final List<String> RETURN_REASONS =
            List.of("NOT_OUR_JURISDICTION", "WRONG_TERRITORY", "INSUFFICIENT_INFORMATION", "DUPLICATE", "OTHER");

    @TemplateGlobal
    public static final List<String> OPEN_STATES = List.of("UNASSIGNED", "ASSIGNED", "SIGNED", "ARRIVED", "HANDLING", "RETURNED");

    private Formats() {
    }

    /** The server's clock for the browser's countdowns (they correct for a skewed client clock). */
    @TemplateGlobal
    static long serverNow() {
        return System.currentTimeMillis();
    }

    @TemplateExtension
    static String local(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    @TemplateExtension
    static String localSeconds(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }

    @TemplateExtension
    static long epoch(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    @TemplateExtension
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** A rate as a percentage with one decimal; "—" when there is none ({@code {fmt:pct(rate)}}). */
    @TemplateExtension(namespace = "fmt")
    static String pct(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }

    /** Now, in the region's zone. */
    @TemplateExtension(namespace = "fmt")
    static String now() {
        return MINUTE.format(Instant.now());
    }
}
