package cn.hotline.notify.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.notify.config.SmppConfig;

/**
 * {@code notify.smpp.window} sending lanes, so that many submit_sm are in flight at once. A recipient's messages
 * always take the same lane (by phone), so they leave in the order they were claimed and a long message's parts
 * go out in sequence. Submitting blocks once {@code window × 20} sends wait (backpressure on the worker).
 */
@ApplicationScoped
public class SendLanes {

    private static final Logger LOG = Logger.getLogger(SendLanes.class);

    private final ExecutorService[] lanes;
    private final Semaphore capacity;
    private volatile boolean closing;

    public SendLanes(SmppConfig smpp) {
        this.lanes = new ExecutorService[Math.max(1, smpp.window())];
        for (int i = 0; i < lanes.length; i++) {
            String name = "notify-send-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        this.capacity = new Semaphore(lanes.length * 20);
    }

    public int size() {
        return lanes.length;
    }

    /** Runs {@code send} on the lane of {@code recipient}; a send that never runs keeps its lease and is re-sent later. */
    public void submit(String recipient, Runnable send) {
        try {
            capacity.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            lanes[Math.floorMod(recipient == null ? 0 : recipient.hashCode(), lanes.length)].execute(() -> {
                try {
                    if (!closing) {
                        send.run();
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "send failed unexpectedly; its lease lets it be sent again");
                } finally {
                    capacity.release();
                }
            });
        } catch (RejectedExecutionException e) {
            capacity.release();
            LOG.debug("lanes closed; the message waits for its lease to expire");
        }
    }

    @PreDestroy
    public void close() {
        // Sends already on the wire finish; queued ones are skipped and keep their lease for a replica to take over.
        closing = true;
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }
}
