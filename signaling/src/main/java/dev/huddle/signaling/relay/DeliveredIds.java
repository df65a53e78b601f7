package dev.huddle.signaling.relay;

import dev.huddle.signaling.relay.wire.MessageIds;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ids of the messages this instance delivered lately, so that a message that reaches it twice (live from the bus
 * and again from the store in a catch-up) is delivered once. Ids are forgotten once their relay time is older than
 * {@code kept}, except while an outage is open ({@link #hold()}): the catch-up that ends it compares against
 * everything delivered from shortly before the outage on.
 */
final class DeliveredIds {
    /** Even during an outage: about 100 MB of ids; an outage that long loses the oldest ones' protection from repeats. */
    private static final int MOST_KEPT = 1_000_000;

    private final Set<UUID> ids = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<UUID> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger holds = new AtomicInteger();
    private final ReentrantLock forgetting = new ReentrantLock();
    private final long keptMillis;

    DeliveredIds(Duration kept) {
        this.keptMillis = kept.toMillis();
    }

    /** True the first time an id is seen, false for each repeat. */
    boolean firstTime(UUID id) {
        if (!ids.add(id)) {
            return false;
        }
        order.add(id);
        forgetOld();
        return true;
    }

    /** Nothing is forgotten until as many {@link #release()} calls. */
    void hold() {
        holds.incrementAndGet();
    }

    void release() {
        holds.updateAndGet(count -> Math.max(0, count - 1));
    }

    int size() {
        return ids.size();
    }

    private void forgetOld() {
        // One thread forgets at a time, so the head it looks at is the head it removes; the others skip it.
        if (!forgetting.tryLock()) {
            return;
        }
        try {
            long oldest = holds.get() > 0 ? Long.MIN_VALUE : System.currentTimeMillis() - keptMillis;
            UUID head;
            while ((head = order.peek()) != null
                    && (MessageIds.instantOf(head).toEpochMilli() < oldest || ids.size() > MOST_KEPT)) {
                order.poll();
                ids.remove(head);
            }
        } finally {
            forgetting.unlock();
        }
    }
}
