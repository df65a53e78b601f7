package dev.huddle.signaling.relay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class LoopHandOverTest {
    /** A loop that only counts and keeps its tasks, run when the test says. */
    private static final class CountingLoop implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }
    }

    @Test
    void givesEachLoopOneTaskThatSendsInTheBatchOrder() {
        CountingLoop first = new CountingLoop();
        CountingLoop second = new CountingLoop();
        RelayPeer a = peer(first);
        RelayPeer b = peer(second);
        RelayPeer c = peer(first);
        List<String> sent = new ArrayList<>();
        LoopHandOver handOver = new LoopHandOver();
        for (int i = 0; i < 100; i++) {
            int n = i;
            handOver.add(a, () -> sent.add("a" + n));
            handOver.add(b, () -> sent.add("b" + n));
            handOver.add(c, () -> sent.add("c" + n));
        }

        handOver.handOver();

        assertThat(sent).as("nothing sent on the bus's thread").isEmpty();
        assertThat(first.tasks).hasSize(1);
        assertThat(second.tasks).hasSize(1);
        first.tasks.get(0).run();
        second.tasks.get(0).run();
        assertThat(sent).filteredOn(s -> s.startsWith("a")).containsExactlyElementsOf(numbered("a"));
        assertThat(sent).filteredOn(s -> s.startsWith("b")).containsExactlyElementsOf(numbered("b"));
        assertThat(sent).filteredOn(s -> s.startsWith("c")).containsExactlyElementsOf(numbered("c"));
    }

    @Test
    void aSendThatFailsDoesNotStopTheOthers() {
        CountingLoop loop = new CountingLoop();
        RelayPeer broken = peer(loop);
        RelayPeer fine = peer(loop);
        List<String> sent = new ArrayList<>();
        LoopHandOver handOver = new LoopHandOver();
        handOver.add(broken, () -> {
            throw new IllegalStateException("channel closed");
        });
        handOver.add(fine, () -> sent.add("fine"));

        handOver.handOver();
        loop.tasks.forEach(Runnable::run);

        assertThat(sent).containsExactly("fine");
    }

    @Test
    void aPeerWithoutALoopIsSentToAtOnce() {
        List<String> sent = new ArrayList<>();
        LoopHandOver handOver = new LoopHandOver();
        handOver.add(peer(null), () -> sent.add("direct"));

        handOver.handOver();

        assertThat(sent).containsExactly("direct");
    }

    private static RelayPeer peer(Executor loop) {
        return new RelayPeer(UUID.randomUUID(), UUID.randomUUID(), null, loop);
    }

    private static List<String> numbered(String prefix) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
