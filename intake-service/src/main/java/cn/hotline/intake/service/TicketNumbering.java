package cn.hotline.intake.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.repository.TicketNumberRepository;
import io.smallrye.mutiny.Uni;

/** Ticket numbers: the configured prefix, the day in the service's zone (yyyyMMdd) and the day's six-digit sequence. */
@ApplicationScoped
public class TicketNumbering {

    private final TicketNumberRepository numbers;
    private final IntakeConfig config;

    public TicketNumbering(TicketNumberRepository numbers, IntakeConfig config) {
        this.numbers = numbers;
        this.config = config;
    }

    /** The next number of the day {@code now} falls on. */
    public Uni<String> next(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneId.of(config.zone()));
        return numbers.next(day).map(sequence -> config.numberPrefix() + day.toString().replace("-", "")
                + String.format("%06d", sequence));
    }
}
