package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;

/** Quiet hours (e.g. 22:00–07:00 Asia/Shanghai) for non-urgent messages, from the injected clock. */
@ApplicationScoped
public class QuietHours {

    private final NotifyConfig config;
    private final Clock clock;

    public QuietHours(NotifyConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** When quiet hours end, if now is inside them. */
    public Optional<Instant> until() {
        NotifyConfig.QuietHours quiet = config.quietHours();
        if (!quiet.enabled()) {
            return Optional.empty();
        }
        ZonedDateTime now = clock.instant().atZone(config.zone());
        LocalTime time = now.toLocalTime();
        boolean wraps = quiet.start().isAfter(quiet.end());
        boolean inside = wraps ? !time.isBefore(quiet.start()) || time.isBefore(quiet.end())
                : !time.isBefore(quiet.start()) && time.isBefore(quiet.end());
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = now.with(quiet.end());
        if (!end.isAfter(now)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
