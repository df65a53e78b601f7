package dev.huddle.testdatabases;

import dev.huddle.testsupport.TestDatabase;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Clones of one template made ahead, on a background thread, so a test's {@code fresh} takes one that is ready instead
 * of waiting for {@code CREATE DATABASE} (tens to hundreds of milliseconds, most of it the server writing the copy).
 * The same thread drops the databases of passed tests, so neither costs the test thread anything. At most
 * {@link #AHEAD} clones wait unused. At exit, on a server that outlives the JVM, the unused clones and pending drops
 * are dropped within {@link #EXIT_BUDGET}; an embedded server takes them with it.
 */
final class ReadyClones {
    static final int AHEAD = 2;
    private static final Duration EXIT_BUDGET = Duration.ofSeconds(15);
    /** Longer than any clone takes: past it the background thread is stuck, and the test clones for itself. */
    private static final Duration WAIT_FOR_BACKGROUND = Duration.ofSeconds(30);

    private final PostgresTemplate template;
    private final BlockingQueue<TestDatabase> ready = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "huddle-test-clones");
        thread.setDaemon(true);
        return thread;
    });
    private int scheduled;

    ReadyClones(PostgresTemplate template, boolean serverOutlivesJvm) {
        this.template = template;
        if (serverOutlivesJvm) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::dropLeftovers, "huddle-test-clones-cleanup"));
        }
    }

    /** A clone nobody has seen: one made ahead, else one made now. */
    TestDatabase fresh() {
        TestDatabase clone = ready.poll();
        if (clone == null && hasScheduled()) {
            try {
                clone = ready.poll(WAIT_FOR_BACKGROUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (clone == null) {
            clone = template.fresh();
        }
        scheduleAhead();
        return clone;
    }

    /** Drops a passed test's database on the background thread. */
    void drop(TestDatabase database) {
        worker.execute(() -> template.drop(database));
    }

    /** Waits until the background thread has done everything asked of it so far: the drops, for tests of this class. */
    void awaitBackground() throws Exception {
        worker.submit(() -> { }).get(WAIT_FOR_BACKGROUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized boolean hasScheduled() {
        return scheduled > 0;
    }

    private synchronized void scheduleAhead() {
        while (ready.size() + scheduled < AHEAD) {
            scheduled++;
            worker.execute(this::cloneAhead);
        }
    }

    private void cloneAhead() {
        try {
            ready.add(template.fresh());
        } catch (RuntimeException e) {
            // The test that asks next clones for itself and reports the failure where it can be seen.
        } finally {
            synchronized (this) {
                scheduled--;
            }
        }
    }

    private void dropLeftovers() {
        worker.shutdown();
        try {
            worker.awaitTermination(EXIT_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TestDatabase unused = ready.poll(); unused != null; unused = ready.poll()) {
            try {
                template.drop(unused);
            } catch (RuntimeException e) {
                System.err.println("[huddle tests] Could not drop the unused test database " + unused.jdbcUrl() + " at exit: "
                        + e.getMessage() + ". Drop it by hand.");
            }
        }
    }
}
