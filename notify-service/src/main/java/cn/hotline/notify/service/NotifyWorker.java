package cn.hotline.notify.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The worker of this replica: applies receipts, answers MO texts, fires due levels and retries due messages, in
 * that order, every {@code hotline.notify.worker-interval}, each piece of work claimed so that exactly one replica
 * takes it; the SMS sends themselves run on {@link SendLanes}. Seeds the reminder ladders at start.
 */
@ApplicationScoped
public class NotifyWorker {

    private static final Logger LOG = Logger.getLogger(NotifyWorker.class);

    private final ReceiptApplier receipts;
    private final TwoWayService twoWay;
    private final LevelFirer levels;
    private final NotificationService notifications;
    private final ReminderLadderService chains;
    private final Tx tx;
    private volatile boolean stopping;

    public NotifyWorker(ReceiptApplier receipts, TwoWayService twoWay, LevelFirer levels,
            NotificationService notifications, ReminderLadderService chains, Tx tx) {
        this.receipts = receipts;
        this.twoWay = twoWay;
        this.levels = levels;
        this.notifications = notifications;
        this.chains = chains;
        this.tx = tx;
    }

    void seed(@Observes StartupEvent event) {
        int added = tx.await(chains::seed);
        LOG.infof("reminder ladders seeded: %d added", added);
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${hotline.notify.worker-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        step("receipts", receipts::apply);
        step("inbound", twoWay::processPending);
        step("levels", levels::fireDue);
        step("retries", notifications::retryDue);
    }

    private static void step(String name, java.util.function.IntSupplier work) {
        try {
            work.getAsInt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "notify worker step %s failed", name);
        }
    }
}
