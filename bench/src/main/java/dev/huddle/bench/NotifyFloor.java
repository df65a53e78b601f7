package dev.huddle.bench;

import dev.huddle.signaling.relay.bus.InstantProbeSocketFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor of the relay's LISTEN/NOTIFY bus: one JVM, one connection sending {@code pg_notify} at a fixed rate (as the
 * relay's publisher does, with {@code synchronous_commit} off) and one connection listening (as the relay's listener
 * does, with {@code getNotifications(timeout)}), no relay code between them. Latency is from just before the send to
 * the listener's read; the first fifth of the messages is warm-up and left out. What the relay adds across instances
 * over NOTIFY is its latency minus this one. Listeners: {@code stock}, pgjdbc as it comes, and {@code probe}, the relay's
 * LISTEN connection ({@link InstantProbeSocketFactory}: pgjdbc's 1 ms "anything more?" read answered at once). The
 * publisher's round trip (send to its statement's return) is shown apart: it is how long a batch waits behind the one
 * before. Usage:
 * {@code bench/run.sh notify-floor --messages 5000 --rates 1000,5000 [--listeners stock,probe] [--pg 127.0.0.1:5432]}.
 */
public final class NotifyFloor {
    private NotifyFloor() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--pg", "127.0.0.1:5432", "--messages", "5000", "--rates", "1000",
                "--listeners", "stock,probe"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        String url = "jdbc:postgresql://" + options.get("--pg") + "/postgres?user=postgres";
        int messages = Integer.parseInt(options.get("--messages"));
        StringBuilder table = new StringBuilder("| NOTIFY to LISTEN, one JVM | listener | messages | p50 ms | p90 ms | p99 ms | max ms "
                + "| publisher round trip p50 ms | p99 ms |\n|---|---|---|---|---|---|---|---|---|");
        for (String rate : options.get("--rates").split(",")) {
            for (String listener : options.get("--listeners").split(",")) {
                String listenerUrl = switch (listener) {
                    case "stock" -> url;
                    case "probe" -> url + "&socketFactory=" + InstantProbeSocketFactory.class.getName();
                    default -> throw new IllegalArgumentException("Unknown listener " + listener + "; use stock or probe");
                };
                Latencies measured = measure(url, listenerUrl, messages, Integer.parseInt(rate));
                double[] millis = measured.delivery();
                table.append(String.format("%n| %s msg/s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", rate, listener,
                        millis.length, at(millis, 0.50), at(millis, 0.90), at(millis, 0.99), millis[millis.length - 1],
                        at(measured.roundTrip(), 0.50), at(measured.roundTrip(), 0.99)));
            }
        }
        System.out.println(table);
    }

    /** Sorted latencies in milliseconds, warm-up left out: send to the listener's read, and the publisher's round trip. */
    private record Latencies(double[] delivery, double[] roundTrip) {
    }

    private static Latencies measure(String url, String listenerUrl, int messages, int rate) throws Exception {
        long[] latencyNanos = new long[messages];
        long[] roundTripNanos = new long[messages];
        String channel = "huddle_notify_floor_" + ProcessHandle.current().pid();
        try (Connection listening = DriverManager.getConnection(listenerUrl); Connection sending = DriverManager.getConnection(url)) {
            try (Statement statement = listening.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
            PGConnection notifications = listening.unwrap(PGConnection.class);
            Thread listener = new Thread(() -> listen(notifications, latencyNanos), "notify-floor-listener");
            listener.start();
            try (Statement statement = sending.createStatement()) {
                statement.execute("SET synchronous_commit = off");
            }
            try (PreparedStatement notify = sending.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, channel);
                long gap = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    // Open loop: each send at its planned moment, late ones at once, so a slow round trip cannot slow the offer.
                    // Parked, not spinning: on two cores a spinning sender would take the listener's core.
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long sentAt = System.nanoTime();
                    notify.setString(2, i + " " + sentAt);
                    try (ResultSet ignored = notify.executeQuery()) {
                        // pg_notify returns a void row; the notification goes out as the statement commits.
                    }
                    roundTripNanos[i] = System.nanoTime() - sentAt;
                    next += gap;
                }
            }
            listener.join(30_000);
            if (listener.isAlive()) {
                throw new IllegalStateException("Not every notification arrived within 30 s");
            }
        }
        return new Latencies(sortedMillis(latencyNanos), sortedMillis(roundTripNanos));
    }

    private static double[] sortedMillis(long[] nanos) {
        return Arrays.stream(nanos, nanos.length / 5, nanos.length).mapToDouble(value -> value / 1e6).sorted().toArray();
    }

    private static void listen(PGConnection connection, long[] latencyNanos) {
        int received = 0;
        try {
            while (received < latencyNanos.length) {
                PGNotification[] arrived = connection.getNotifications(500);
                long now = System.nanoTime();
                for (PGNotification notification : arrived == null ? new PGNotification[0] : arrived) {
                    String[] parts = notification.getParameter().split(" ");
                    latencyNanos[Integer.parseInt(parts[0])] = now - Long.parseLong(parts[1]);
                    received++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("The listening connection failed after " + received + " notifications", e);
        }
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
    }
}
