package dev.huddle.signaling.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The sends of one batch from the bus, grouped by the event loop of the peer they go to and handed to each loop as
 * one task: a loop that slept is woken once per batch, not once per frame, and each send then runs on its peer's own
 * loop, where Netty writes at once instead of queueing a task per frame. The bus's thread only queues, so a slow or
 * closed peer never holds it or the other peers. Sends keep their order within a loop, hence per peer.
 */
final class LoopHandOver {
    private static final Logger LOG = LoggerFactory.getLogger(LoopHandOver.class);

    private final Map<Executor, List<Runnable>> byLoop = new LinkedHashMap<>();
    private final List<Runnable> withoutLoop = new ArrayList<>();

    /** Queues a send for the peer's loop; a peer without one (not on Netty) is sent to on the caller's thread. */
    void add(RelayPeer peer, Runnable send) {
        Executor loop = peer.loop();
        if (loop == null) {
            withoutLoop.add(send);
        } else {
            byLoop.computeIfAbsent(loop, ignored -> new ArrayList<>()).add(send);
        }
    }

    /** Hands each loop its sends in one task; called once, when the batch is grouped. */
    void handOver() {
        byLoop.forEach((loop, sends) -> loop.execute(() -> runAll(sends)));
        runAll(withoutLoop);
    }

    private static void runAll(List<Runnable> sends) {
        for (Runnable send : sends) {
            try {
                send.run();
            } catch (RuntimeException e) {
                LOG.warn("A relayed frame could not be sent: {}", e.toString());
            }
        }
    }
}
