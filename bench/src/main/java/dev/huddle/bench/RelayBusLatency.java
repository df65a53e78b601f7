package dev.huddle.bench;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.signaling.relay.bus.BusFrame;
import dev.huddle.signaling.relay.bus.NatsBus;
import dev.huddle.signaling.relay.bus.PostgresNotifyBus;
import dev.huddle.signaling.relay.bus.RelayBus;
import dev.huddle.signaling.relay.wire.RelayMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay's cross-instance bus alone, between the signaling benchmark (WebSockets, 1,000 peers, two app instances)
 * and the floor ({@link NotifyFloor}, no relay code): two buses in one JVM, as two instances' buses, on a fresh
 * database ({@code postgresql}: {@link PostgresNotifyBus}) or on NATS ({@code nats}: {@link NatsBus}), each publishing
 * half the rate (with {@code --publishers 1}, the first publishes it all: NOTIFY's commits then never wait for each
 * other's), alternating a 1.5 KB offer and a candidate as the signaling benchmark does; latency from the publish
 * call to the other bus's receiver, the first fifth left out. It costs a fraction of a core, so it can be alternated
 * with another build's classes on a busy machine:
 * {@code bench/run.sh relay-bus --buses postgresql,nats --messages 6000 --rates 300,1000 [--instant-probe yes]
 * [--pg 127.0.0.1:5432] [--nats nats://127.0.0.1:4222]} ({@code --instant-probe yes}: the LISTEN connection on
 * {@code InstantProbeSocketFactory}, as {@code huddle.signaling.notify-instant-probe=true} sets it in the app).
 */
public final class RelayBusLatency {
    private static final String SDP_PADDING = "a=candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host generation 0\\r\\n"
            .repeat(20);

    private RelayBusLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--pg", "127.0.0.1:5432", "--nats", "nats://127.0.0.1:4222",
                "--buses", "postgresql,nats", "--messages", "6000", "--rates", "1000", "--publishers", "2",
                "--instant-probe", "no"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        int messages = Integer.parseInt(options.get("--messages"));
        StringBuilder table = new StringBuilder("| relay's bus, two in one JVM | bus | messages | p50 ms | p90 ms | p99 ms | max ms "
                + "| CPU s |\n|---|---|---|---|---|---|---|---|");
        for (String rate : options.get("--rates").split(",")) {
            for (String bus : options.get("--buses").split(",")) {
                long cpuBefore = cpuNanos();
                double[] millis = measure(bus, options, messages, Integer.parseInt(rate));
                double cpu = (cpuNanos() - cpuBefore) / 1e9;
                table.append(String.format("%n| %s msg/s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", rate, bus, millis.length,
                        at(millis, 0.50), at(millis, 0.90), at(millis, 0.99), millis[millis.length - 1], cpu));
            }
        }
        System.out.println(table);
    }

    /** Sorted latencies in milliseconds, warm-up left out. */
    private static double[] measure(String bus, Map<String, String> options, int messages, int rate) throws Exception {
        int publishers = Integer.parseInt(options.get("--publishers"));
        long[] latencyNanos = new long[messages];
        CountDownLatch arrived = new CountDownLatch(messages);
        try (BenchDatabase database = BenchDatabase.postgres(options.get("--pg"), "huddle_relay_bus_" + ProcessHandle.current().pid())) {
            // The app's form of the URL (postgresql://user@host/name) without its user, which the target takes apart.
            String url = "jdbc:postgresql://" + database.url().substring(database.url().indexOf('@') + 1);
            DatabaseTarget target = new DatabaseTarget(Dialect.POSTGRESQL, url, "postgres", null);
            try (RelayBus first = open(bus, target, options); RelayBus second = open(bus, target, options)) {
                RelayBus.Receiver receiver = recorder(latencyNanos, arrived);
                first.start(receiver);
                second.start(receiver);
                while (!listening(first) || !listening(second)) {
                    Thread.sleep(10);
                }
                UUID room = UUID.randomUUID();
                UUID from = UUID.randomUUID();
                UUID to = UUID.randomUUID();
                long gap = TimeUnit.SECONDS.toNanos(1) / rate;
                long next = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean offer = i % 2 == 0;
                    long sentAt = System.nanoTime();
                    byte[] frame = (i + " " + sentAt + " " + (offer ? SDP_PADDING : "candidate")).getBytes(StandardCharsets.UTF_8);
                    RelayMessage message = RelayMessage.routing(offer ? "offer" : "candidate", UUID.randomUUID(), room, from, to, null);
                    (publishers == 1 || i % 4 < 2 ? first : second).publish(message, frame);
                    next += gap;
                }
                if (!arrived.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(arrived.getCount() + " messages did not cross within 30 s");
                }
            }
        }
        return Arrays.stream(latencyNanos, messages / 5, messages).mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
    }

    private static RelayBus open(String bus, DatabaseTarget target, Map<String, String> options) {
        return switch (bus) {
            // The two-argument constructor is pgjdbc's own sockets in every build, so older builds run this class too.
            case "postgresql" -> "yes".equals(options.get("--instant-probe"))
                    ? new PostgresNotifyBus(target, UUID.randomUUID(), true) : new PostgresNotifyBus(target, UUID.randomUUID());
            case "nats" -> NatsBus.connect(List.of(options.get("--nats")), UUID.randomUUID());
            default -> throw new IllegalArgumentException("Unknown bus " + bus + "; use postgresql or nats");
        };
    }

    /** NATS has subscribed once {@code start} returns; LISTEN is in place once the listener says so. */
    private static boolean listening(RelayBus bus) {
        return !(bus instanceof PostgresNotifyBus notify) || notify.listening();
    }

    private static RelayBus.Receiver recorder(long[] latencyNanos, CountDownLatch arrived) {
        return new RelayBus.Receiver() {
            @Override
            public void receive(List<BusFrame> batch) {
                long now = System.nanoTime();
                for (BusFrame crossed : batch) {
                    byte[] frame = crossed.frame();
                    String[] fields = new String(frame, 0, Math.min(frame.length, 48), StandardCharsets.US_ASCII).split(" ", 3);
                    latencyNanos[Integer.parseInt(fields[0])] = now - Long.parseLong(fields[1]);
                    arrived.countDown();
                }
            }

            @Override
            public void deaf() {
                throw new IllegalStateException("A LISTEN connection broke during the benchmark");
            }

            @Override
            public void resumed(Instant deafSince) {
            }
        };
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
    }
}
