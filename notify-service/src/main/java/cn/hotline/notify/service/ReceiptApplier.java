package cn.hotline.notify.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.repository.SmsReceiptRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies stored delivery receipts to their notifications. A receipt can arrive before the send's result is
 * recorded (the SMSC answers fast), so matching happens here, after both are committed, not in the callback.
 */
@ApplicationScoped
public class ReceiptApplier {

    private final SmsReceiptRepository receipts;
    private final NotificationRepository notifications;
    private final NotificationRecorder recorder;
    private final Tx tx;

    public ReceiptApplier(SmsReceiptRepository receipts, NotificationRepository notifications, NotificationRecorder recorder,
            Tx tx) {
        this.receipts = receipts;
        this.notifications = notifications;
        this.recorder = recorder;
        this.tx = tx;
    }

    public int apply() {
        return tx.run(() -> receipts.lockMatched().flatMap(matched -> Multi.createFrom().iterable(matched).onItem()
                .transformToUniAndConcatenate(this::applyOne).collect().asList().map(List::size)));
    }

    private Uni<Void> applyOne(SmsReceiptRepository.Matched receipt) {
        return notifications.findById(receipt.notificationId())
                .flatMap(n -> n == null ? Uni.createFrom().voidItem() : recorder.receipt(n, receipt.state(), receipt.receivedAt()))
                .chain(() -> receipts.markApplied(receipt.messageId()))
                .replaceWithVoid();
    }
}
