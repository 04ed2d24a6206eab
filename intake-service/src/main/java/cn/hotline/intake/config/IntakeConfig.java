package cn.hotline.intake.config;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of intake-service ({@code hotline.intake.*}). */
@ConfigMapping(prefix = "hotline.intake")
public interface IntakeConfig {

    /** Ticket numbers: prefix + yyyyMMdd (in {@link #zone()}) + 6 digits. */
    @WithDefault("HZ")
    String numberPrefix();

    @WithDefault("Asia/Shanghai")
    String zone();

    /** HMAC key for the pseudonymous caller keys kept in Redis (never the number itself). */
    @WithDefault("local-dev-pii-key")
    String piiKey();

    Region region();

    Duplicates duplicates();

    Repeat repeat();

    Hotword hotword();

    FollowUp followUp();

    Open311 open311();

    /** Where the reference data is read from (classpath resources). */
    interface Region {
        @WithDefault("hotline/region/huzhou-counties.geojson")
        String countiesGeojson();

        @WithDefault("hotline/region/huzhou-divisions.csv")
        String divisionsCsv();

        @WithDefault("hotline/region/categories.csv")
        String categoriesCsv();
    }

    /** Same caller, or same place and category, within this window → duplicate suggestion. */
    interface Duplicates {
        @WithDefault("P7D")
        Duration window();

        @WithDefault("5")
        int maxSuggestions();
    }

    /** Repeat complainant: at least {@code threshold} tickets by one phone/ID in {@code windowDays} days. */
    interface Repeat {
        @WithDefault("3")
        int threshold();

        @WithDefault("30")
        int windowDays();
    }

    /** Hot-word surge: the last hour's count in a town against the same hour on the previous days. */
    interface Hotword {
        @WithDefault("5")
        int minCount();

        @WithDefault("3.0")
        double factor();

        @WithDefault("7")
        int baselineDays();

        @WithDefault("噪声,停水,停电,欠薪,污染,异味,积水,火灾,燃气,塌陷")
        List<String> keywords();
    }

    /** Follow-up (回访): unanswered follow-ups close automatically after {@code autoCloseAfter}. */
    interface FollowUp {
        @WithDefault("P3D")
        Duration autoCloseAfter();

        @WithDefault("1m")
        String sweepEvery();
    }

    /** Open311 GeoReport v2 endpoint. */
    interface Open311 {
        List<String> apiKeys();

        @WithDefault("湖州市12345政务服务便民热线")
        String agencyResponsible();

        @WithDefault("P3D")
        Duration expectedWithin();

        /**
         * A POST with the same api_key and content within this time of the first answers the first ticket's id
         * (a client's retry); after it, the same content files a new ticket.
         */
        @WithDefault("PT24H")
        @DurationMin(seconds = 1)
        Duration idempotencyWindow();
    }
}
