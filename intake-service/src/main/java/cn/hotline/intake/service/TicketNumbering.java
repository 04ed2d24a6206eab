package cn.hotline.intake.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.repository.TicketNumberRepository;
import cn.hotline.support.vertx.CallerContext;
import io.smallrye.mutiny.Uni;

/**
 * Ticket numbers: the configured prefix, the day in the service's zone (yyyyMMdd) and the day's six-digit sequence.
 * Numbers are taken from blocks this replica reserved ({@code hotline.intake.number-block} at a time), so the day's
 * counter row is written once per block rather than once per ticket. Numbers are unique; one replica hands them out
 * in increasing order without gaps, replicas interleave, and a restart or a rolled-back ticket leaves a gap, as a
 * sequence with a cache would.
 */
@ApplicationScoped
public class TicketNumbering {

    /** Numbers {@code next..last} of {@code day} reserved and not yet handed out. */
    private static final class Block {
        final LocalDate day;
        long next;
        final long last;

        Block(LocalDate day, long first, long last) {
            this.day = day;
            this.next = first;
            this.last = last;
        }
    }

    private final TicketNumberRepository numbers;
    private final IntakeConfig config;
    private final ZoneId zone;
    private final Deque<Block> blocks = new ArrayDeque<>();
    private Uni<Void> reservation;

    public TicketNumbering(TicketNumberRepository numbers, IntakeConfig config) {
        this.numbers = numbers;
        this.config = config;
        this.zone = ZoneId.of(config.zone());
    }

    /** The next number of the day {@code now} falls on. */
    public Uni<String> next(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        return Uni.createFrom().deferred(() -> {
            Long reserved = take(day);
            return reserved != null ? Uni.createFrom().item(format(day, reserved))
                    : CallerContext.resumeOn(reservation(day)).flatMap(ignored -> next(now));
        });
    }

    /**
     * The reservation of a new block, shared by every request that finds the blocks empty while it runs: one write
     * of the counter row, and the numbers stay contiguous.
     */
    private Uni<Void> reservation(LocalDate day) {
        synchronized (blocks) {
            if (reservation == null) {
                int size = config.numberBlock();
                reservation = numbers.reserve(day, size)
                        .onItemOrFailure().invoke((last, failure) -> {
                            synchronized (blocks) {
                                if (failure == null) {
                                    blocks.addLast(new Block(day, last - size + 1, last));
                                }
                                reservation = null;
                            }
                        })
                        .replaceWithVoid().memoize().indefinitely();
            }
            return reservation;
        }
    }

    private Long take(LocalDate day) {
        synchronized (blocks) {
            while (!blocks.isEmpty()) {
                Block block = blocks.peekFirst();
                if (!block.day.equals(day) || block.next > block.last) {
                    blocks.removeFirst();
                    continue;
                }
                return block.next++;
            }
            return null;
        }
    }

    private String format(LocalDate day, long sequence) {
        return config.numberPrefix() + day.toString().replace("-", "") + String.format("%06d", sequence);
    }
}
