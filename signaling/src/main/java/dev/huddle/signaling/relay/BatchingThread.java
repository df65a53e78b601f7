package dev.huddle.signaling.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One thread that takes work off the relay's path: callers queue items without waiting, and the thread hands
 * whatever queued while it was busy to the handler as one batch (at most {@code largestBatch}). Under light load
 * each item goes alone, at once; under heavy load batches grow instead of a queue of single round trips.
 */
public final class BatchingThread<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingThread.class);

    /** Handles one batch; a failure is logged and the next batch goes on. */
    public interface Handler<T> {
        void handle(List<T> batch) throws Exception;
    }

    private final String name;
    private final int largestBatch;
    private final Handler<T> handler;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    public BatchingThread(String name, int largestBatch, Handler<T> handler) {
        this.name = name;
        this.largestBatch = largestBatch;
        this.handler = handler;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void add(T item) {
        queue.add(item);
    }

    public void addAll(Collection<T> items) {
        queue.addAll(items);
    }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                T first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, largestBatch - 1);
                handler.handle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("{} failed on a batch of {}: {}", name, batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Handles what is queued, then stops; waits at most {@code wait} for that. */
    public void close(Duration wait) {
        stopping = true;
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
