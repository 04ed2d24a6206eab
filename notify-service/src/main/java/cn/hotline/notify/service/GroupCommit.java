package cn.hotline.notify.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for blocking callers (the sending lanes): what concurrent callers submit is written in one
 * transaction by whichever of them gets the writer first, and each caller returns once its own item is written
 * (or throws what writing it threw). A failed batch is written item by item, so one bad item fails only its caller.
 */
public final class GroupCommit<T> {

    private static final class Pending<T> {
        final T item;
        volatile boolean done;
        volatile RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }

    private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final int maxBatch;
    private final Consumer<List<T>> writeAll;
    private final Consumer<T> writeOne;

    /** {@code writeAll} writes a batch in one transaction; {@code writeOne} one item, when its batch failed. */
    public GroupCommit(int maxBatch, Consumer<List<T>> writeAll, Consumer<T> writeOne) {
        this.maxBatch = Math.max(1, maxBatch);
        this.writeAll = writeAll;
        this.writeOne = writeOne;
    }

    /** Writes {@code item}, together with whatever else is waiting; returns once it is written. */
    public void submit(T item) {
        Pending<T> own = new Pending<>(item);
        queue.add(own);
        // While another caller writes, this one waits here, and its item usually goes out in that caller's next batch.
        writer.lock();
        try {
            while (!own.done) {
                write(next());
            }
        } finally {
            writer.unlock();
        }
        if (own.failure != null) {
            throw own.failure;
        }
    }

    private List<Pending<T>> next() {
        List<Pending<T>> batch = new ArrayList<>();
        Pending<T> p;
        while (batch.size() < maxBatch && (p = queue.poll()) != null) {
            batch.add(p);
        }
        return batch;
    }

    private void write(List<Pending<T>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeAll.accept(batch.stream().map(p -> p.item).toList());
        } catch (RuntimeException batchFailed) {
            for (Pending<T> p : batch) {
                try {
                    writeOne.accept(p.item);
                } catch (RuntimeException e) {
                    p.failure = e;
                }
            }
        }
        batch.forEach(p -> p.done = true);
    }
}
