package cn.hotline.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.repository.NotificationBatchRepository;

/**
 * Applies stored delivery receipts to their notifications, a batch per statement. A receipt can arrive before the
 * send's result is recorded (the SMSC answers fast), so matching happens here, after both are committed, not in
 * the callback.
 */
@ApplicationScoped
public class ReceiptApplier {

    private final NotificationBatchRepository batches;
    private final NotificationRecorder recorder;
    private final Tx tx;
    private final int batch;

    public ReceiptApplier(NotificationBatchRepository batches, NotificationRecorder recorder, Tx tx, NotifyConfig config) {
        this.batches = batches;
        this.recorder = recorder;
        this.tx = tx;
        this.batch = config.receiptBatch();
    }

    /** Applies up to one batch of receipts; the number of notifications they moved. */
    public int apply() {
        return tx.onPool(conn -> batches.applyReceipts(conn, batch)
                .flatMap(moved -> recorder.announce(conn, moved).replaceWith(moved.size())));
    }
}
