package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Closes follow-ups nobody answered within {@code hotline.intake.follow-up.auto-close-after} (closedBy AUTO). */
@ApplicationScoped
public class FollowUpSweeper {

    private static final Logger LOG = Logger.getLogger(FollowUpSweeper.class);
    private static final int BATCH = 200;

    private final TicketRepository tickets;
    private final FollowUpService followUps;
    private final IntakeConfig config;
    private final Clock clock;

    public FollowUpSweeper(TicketRepository tickets, FollowUpService followUps, IntakeConfig config, Clock clock) {
        this.tickets = tickets;
        this.followUps = followUps;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hotline.intake.follow-up.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.followUp().autoCloseAfter());
        // Optimistic locking (@Version) makes a concurrent follow-up and this sweep meet safely: one of them fails.
        return Panache.withTransaction(() -> tickets.find("status = ?1 and awaitingSince <= ?2", TicketStatus.AWAITING_FOLLOWUP, cutoff)
                        .range(0, BATCH - 1).list()
                        .flatMap(due -> Multi.createFrom().iterable(due)
                                .onItem().transformToUniAndConcatenate(ticket -> followUps.autoClose(ticket, now))
                                .collect().asList()
                                .invoke(closed -> {
                                    if (!closed.isEmpty()) {
                                        LOG.infof("auto-closed %d tickets whose follow-up went unanswered", closed.size());
                                    }
                                })))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("follow-up sweep failed (%s); next run retries", failure.toString());
                    return null;
                });
    }
}
