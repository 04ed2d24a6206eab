package cn.hotline.sla.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** sla-service settings: the Redis schedule, seeds and KPI rules ({@code hotline.sla.*}). */
@ConfigMapping(prefix = "hotline.sla")
public interface SlaConfig {

    Schedule schedule();

    Seed seed();

    /** Policies and calendars are held in memory by every replica; a change is announced so the others reload. */
    Reference reference();

    /** Keeping replicas' policies and calendars current. */
    interface Reference {
        /** Redis pub/sub channel a replica announces a policy or calendar change on. */
        @WithDefault("sla:reference:changed")
        String channel();

        /** Safety net: every replica reloads this often anyway (an announcement lost while Redis was away). */
        @WithDefault("60s")
        Duration reloadEvery();
    }

    /** The Redis schedule and its firing loop. */
    interface Schedule {
        /** Run the firing loop in this instance (a second instance in a test or bench sets its own). */
        @WithDefault("true")
        boolean enabled();

        /** Firing loops per instance: claims are atomic, so loops pipeline database round trips safely. */
        @WithDefault("4")
        int loops();

        /** Sorted set of timer ids scored by their next due instant (epoch ms). */
        @WithDefault("sla:schedule")
        String key();

        /** Present while the sorted set is complete; gone (Redis restarted empty, flushed) → rebuild from PostgreSQL. */
        @WithDefault("sla:schedule:built")
        String markerKey();

        /** Timers claimed per Redis round trip and fired per database transaction. */
        @WithDefault("500")
        int claimBatch();

        /** Longest sleep between looks at the schedule (other instances may have armed earlier timers). */
        @WithDefault("1s")
        Duration maxSleep();

        /** How often the marker key is checked. */
        @WithDefault("2s")
        Duration markerCheckInterval();

        /** How often PostgreSQL is swept for due timers missing from Redis (a claim lost in a crash). */
        @WithDefault("5s")
        Duration sweepInterval();

        /** A timer this far past due and still unfired is re-armed by the sweep. */
        @WithDefault("3s")
        Duration sweepGrace();

        /** Firing later than this after the due instant marks the event {@code late} (service was down). */
        @WithDefault("2s")
        Duration lateTolerance();
    }

    /** First-start seed data. */
    interface Seed {
        @WithDefault("default")
        String calendarName();

        @WithDefault("hotline/region/cn-holidays-2026.ics")
        String calendarResource();

        @WithDefault("seed/policies.yaml")
        String policiesResource();
    }
}
