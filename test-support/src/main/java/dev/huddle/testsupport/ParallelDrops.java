package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drops many databases within a deadline over a few connections at once. Each {@code DROP DATABASE} waits for a
 * checkpoint, and drops that wait at the same time are served by the same checkpoint: one connection drops about one
 * database per checkpoint, four drop about four, which is what lets a JVM that made a hundred databases on a busy
 * shared server drop them all in the seconds it has at exit.
 */
final class ParallelDrops {
    static final int CONNECTIONS = 4;

    private ParallelDrops() {
    }

    /**
     * Drops the databases (if they exist) until the deadline ({@link System#nanoTime()}).
     *
     * @return the names not dropped, in their given order; empty when all went
     */
    static List<String> drop(PostgresServer server, List<String> names, long deadline) {
        Queue<String> pending = new ConcurrentLinkedQueue<>(names);
        Set<String> dropped = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(CONNECTIONS, names.size()); i++) {
            Thread worker = new Thread(() -> dropUntil(server, pending, dropped, failures, deadline), "huddle-test-drops-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (failures) {
            failures.stream().distinct().forEach(failure -> System.err.println("[huddle tests] Dropping test databases on "
                    + server.source() + " failed: " + failure));
        }
        return names.stream().filter(name -> !dropped.contains(name)).toList();
    }

    private static void dropUntil(PostgresServer server, Queue<String> pending, Set<String> dropped, List<String> failures,
                                  long deadline) {
        try (Connection admin = server.connectAdmin(); Statement statement = admin.createStatement()) {
            for (String name = pending.poll(); name != null && System.nanoTime() < deadline; name = pending.poll()) {
                statement.execute("drop database if exists " + name + " with (force)");
                dropped.add(name);
            }
        } catch (SQLException e) {
            synchronized (failures) {
                failures.add(e.getMessage());
            }
        }
    }
}
