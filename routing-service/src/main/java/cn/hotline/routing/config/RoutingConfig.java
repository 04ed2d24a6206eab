package cn.hotline.routing.config;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of routing-service ({@code hotline.routing.*}). */
@ConfigMapping(prefix = "hotline.routing")
public interface RoutingConfig {

    /** Time zone the duty rosters are written in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Redis pub/sub channel that tells every replica to reload its indexes. */
    @WithDefault("hotline:routing:refresh")
    String refreshChannel();

    Seed seed();

    FieldLinks fieldLinks();

    Petitions petitions();

    /** Petitions (信访事项): the channels they come by and the statutory extension cap. */
    interface Petitions {
        @WithDefault("LETTER,VISIT,PROXY")
        java.util.List<String> channels();

        /** 信访工作条例: a petition's time limit may be extended once, by at most 30 days. */
        @WithDefault("P30D")
        java.time.Period extensionCap();
    }

    /** Field staff's capability links and their photos. */
    interface FieldLinks {
        /** How long a link works: long enough for the whole job, short enough that a forwarded SMS soon stops working. */
        @WithDefault("P3D")
        java.time.Duration lifetime();

        /** The largest photo accepted (the browser resizes to at most 1,600 px first). */
        @WithDefault("2M")
        io.quarkus.runtime.configuration.MemorySize maxPhoto();

        @WithDefault("1600")
        int maxPhotoSide();

        @WithDefault("12")
        int maxPhotosPerDispatch();
    }

    /** What is loaded on first start. */
    interface Seed {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("hotline/region/huzhou-divisions.csv")
        String divisions();

        @WithDefault("hotline/region/huzhou-counties.geojson")
        String boundaries();

        @WithDefault("seed/units.yaml")
        String units();

        @WithDefault("seed/catalogue.yaml")
        String catalogue();

        /** When the seeded catalogue takes effect. */
        @WithDefault("2026-01-01T00:00:00+08:00")
        OffsetDateTime effectiveFrom();
    }
}
