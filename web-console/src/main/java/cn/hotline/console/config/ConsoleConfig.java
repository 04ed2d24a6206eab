package cn.hotline.console.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's own settings: where it is reached, how the board refreshes, and the cockpit's bands. */
@ConfigMapping(prefix = "hotline.console")
public interface ConsoleConfig {

    /** The address people reach the console at (short links in SMS point here). */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /** The identity provider's origin as browsers see it (the CSP's form-action allows it: a post after the session ended). */
    @WithDefault("http://127.0.0.1:8180")
    String signInOrigin();

    /** How long a browser waits before reconnecting a dropped live stream (the SSE {@code retry:} field). */
    @WithDefault("3s")
    Duration streamRetry();

    /** How often the board re-fetches even while the stream is up, so a lost event never leaves it stale. */
    @WithDefault("20s")
    Duration boardRefetch();

    /** Rows the board renders at once (the rest are paged). */
    @WithDefault("200")
    int boardPageSize();

    /** Open dispatches the board reads from routing at most. */
    @WithDefault("5000")
    int boardMaxDispatches();

    Bands bands();

    /**
     * The five-colour band (五色图) of an area: a composite score, the weighted mean of its rates that have a value
     * (the return rate counts as 1 − rate), against four thresholds: green ≥ 1st, blue ≥ 2nd, yellow ≥ 3rd,
     * orange ≥ 4th, red below. Real centres set their own weights and thresholds.
     */
    interface Bands {
        @WithDefault("0.95,0.90,0.85,0.80")
        java.util.List<Double> thresholds();

        @WithDefault("0.25")
        double onTimeSignWeight();

        @WithDefault("0.15")
        double responseWeight();

        @WithDefault("0.2")
        double resolutionWeight();

        @WithDefault("0.2")
        double satisfactionWeight();

        @WithDefault("0.1")
        double threeDayCloseWeight();

        @WithDefault("0.1")
        double returnWeight();
    }
}
