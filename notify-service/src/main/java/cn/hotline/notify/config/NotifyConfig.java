package cn.hotline.notify.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** notify-service's own settings: signature, worker pace, quiet hours, rate limit, retries, its identity. */
@ConfigMapping(prefix = "hotline.notify")
public interface NotifyConfig {

    /** Prefixed to every message, e.g. 【湖州12345】. */
    String signature();

    /** How long the reminder-ladder chains are kept in memory (another replica's edit shows after this; 0: never kept). */
    @WithDefault("10s")
    Duration ladderCacheTtl();

    /** How often the sending worker runs (Quarkus scheduler syntax, e.g. 1s, 200ms). */
    @WithDefault("1s")
    String workerInterval();

    /**
     * Where a dispatch SMS's short link points (the console's field page); the token routing issues is appended.
     * Empty: no link in the SMS (the reply code still signs).
     */
    @WithDefault("http://127.0.0.1:8080/m/")
    String fieldLinkBase();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    QuietHours quietHours();

    RateLimit rateLimit();

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("PT1M")
    Duration retryBackoff();

    /**
     * How long a replica's claim on a due level, a message to (re-)send or an MO text lasts. A claim still held
     * after this (the replica crashed) is taken over by another replica. Half of it must exceed the longest send
     * (gateway timeouts and retries), else a slow send could be taken over and sent twice: a send starting within
     * half the lease of its claim does not renew it first.
     */
    @WithDefault("PT2M")
    Duration claimLease();

    /** How many due levels / messages one claim takes at most. */
    @WithDefault("50")
    int claimBatch();

    /** How many stored delivery receipts one worker tick applies at most (one statement). */
    @WithDefault("500")
    int receiptBatch();

    /** This replica's name in {@code claimed_by} (default: host name and process id). */
    Optional<String> instanceId();

    /** How long a level waits before trying again when neither routing nor a snapshot could name its recipients. */
    @WithDefault("PT30S")
    Duration directoryRetry();

    /** routing personIds who receive alert.* messages. */
    Optional<List<String>> alertRecipients();

    /** Territory (city) used when a ticket's county is unknown. */
    @WithDefault("3305")
    String defaultTerritory();

    HttpGateway httpGateway();

    DirectoryCache directoryCache();

    Identity identity();

    Citizen citizen();

    /** Non-urgent messages wait while the local time is inside [start, end). */
    interface QuietHours {
        @WithDefault("true")
        boolean enabled();

        LocalTime start();

        LocalTime end();
    }

    /** At most {@code max} non-urgent messages per recipient per {@code window}. */
    interface RateLimit {
        int max();

        Duration window();
    }

    /**
     * routing's directory answers kept in memory: {@code ttl} bounds how stale an answer can be (an on-duty list
     * across a shift change), 0 turns the cache off; any change routing announces on {@code routingChannel} drops all.
     */
    interface DirectoryCache {
        @WithDefault("PT30S")
        Duration ttl();

        @WithDefault("10000")
        int maxEntries();

        @WithDefault("hotline:routing:refresh")
        String routingChannel();
    }

    /** The cloud SMS API (secondary route). */
    interface HttpGateway {
        @WithDefault("true")
        boolean enabled();

        String signName();
    }

    /** SMS to the ticket's caller (acknowledgement, completion survey): the phone is read from intake at send time. */
    interface Citizen {
        /** Where the acknowledgement SMS's progress link points; the token intake issues is appended. */
        @WithDefault("http://127.0.0.1:8081/api/v1/progress/")
        String progressLinkBase();

        /** How long a message waits before asking intake again when intake could not be reached. */
        @WithDefault("PT30S")
        Duration retry();

        /** After this many attempts without reaching intake the message is given up (FAILED). */
        @WithDefault("20")
        int maxAttempts();
    }

    /** notify's own token from the identity provider (the client itself is {@code quarkus.oidc-client.*}). */
    interface Identity {
        /** How long a call waits for the identity provider's token endpoint. */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
