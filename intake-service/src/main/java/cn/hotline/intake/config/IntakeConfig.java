package cn.hotline.intake.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

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

    /** Ticket numbers each replica reserves at a time (one write of the day's counter per block). */
    @WithDefault("50")
    @Min(1)
    int numberBlock();

    /** HMAC key for the pseudonymous caller keys kept in Redis (never the number itself). */
    @WithDefault("local-dev-pii-key")
    String piiKey();

    Region region();

    Duplicates duplicates();

    Repeat repeat();

    Hotword hotword();

    FollowUp followUp();

    Open311 open311();

    Police police();

    Pii pii();

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

    /**
     * 12345 → 110 hand-over (transfer-out): the 110 system's receiver, how long one call may take, and how delivery
     * is retried (each attempt waits {@code retryInitialDelay × retryFactor^(n-1)}, at most {@code retryMaxDelay})
     * until 110 acknowledges or {@code maxAttempts} failed attempts mark the hand-over FAILED.
     */
    interface Police {
        @WithDefault("http://127.0.0.1:2778")
        String receiverUrl();

        @WithDefault("2s")
        Duration connectTimeout();

        /** One call, fault-tolerance timeout (and the client's read timeout). */
        @WithDefault("5s")
        Duration timeout();

        /** Quick retries inside one attempt, for a blip; the durable retry is the backoff below. */
        @WithDefault("1")
        @Min(0)
        int callRetries();

        @WithDefault("200ms")
        Duration callRetryDelay();

        @WithDefault("5s")
        Duration retryInitialDelay();

        @WithDefault("2.0")
        @DecimalMin("1.0")
        double retryFactor();

        @WithDefault("5m")
        Duration retryMaxDelay();

        @WithDefault("12")
        @Min(1)
        int maxAttempts();

        /** How often the worker looks for due hand-overs (it is also woken after each transfer-out). */
        @WithDefault("1s")
        String pollEvery();

        /** A claimed hand-over is left alone this long; longer than timeout × (callRetries + 1) plus the delays. */
        @WithDefault("60s")
        Duration lease();

        @WithDefault("20")
        @Min(1)
        int batchSize();

        /** How often the pending/failed gauges are re-counted. */
        @WithDefault("15s")
        String gaugeRefreshEvery();
    }

    /**
     * Caller PII at rest: AES-256-GCM keys by id (base64 of 32 bytes), the one new values are sealed with, and how long
     * after a ticket closed its caller data is kept.
     */
    interface Pii {
        Map<String, String> keys();

        String currentKey();

        @WithDefault("P1095D")
        Duration retention();

        /** How often the re-seal sweep takes its next window of tickets (rows under another key, plaintext from before V7). */
        @WithDefault("1m")
        String resealEvery();

        /** Tickets per window (a key range of the primary key; the stale ones among them are sealed again). */
        @WithDefault("1000")
        @Min(1)
        int resealBatch();
    }
}
