package dev.huddle.bench;

import dev.huddle.bench.RelayLoad.Result;
import dev.huddle.bench.RelayPeers.Peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signaling relay benchmark of issue #13: 1,000 connected peers in 250 rooms on loopback, each scenario on fresh
 * instances of the server jar; relay latency (send to receipt, both in this process) and delivered messages/s under
 * an open-loop rate. Prints a Markdown table. Scenarios: {@code sqlite} and {@code postgresql} (one instance),
 * {@code postgresql-notify} and {@code postgresql-nats} (two instances on one PostgreSQL, every message crossing).
 *
 * <pre>
 *   bench/run.sh signaling                                              # every scenario, 5,000 messages/s, 20 s
 *   bench/run.sh signaling --scenarios postgresql,postgresql-notify --rates 2000,5000 --seconds 30
 * </pre>
 */
public final class SignalingBench {
    static final String HEADER = "| scenario | instances | offered msg/s | delivered msg/s | p50 ms | p90 ms | p99 ms | max ms "
            + "| sends skipped | server CPU s | client CPU s |\n|---|---|---|---|---|---|---|---|---|---|---|";

    private SignalingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--scenarios", "sqlite,postgresql,postgresql-notify,postgresql-nats",
                "--pg", "127.0.0.1:5432", "--nats", "nats://127.0.0.1:4222", "--app", "app/target/huddle.jar",
                "--peers", "1000", "--rooms", "250", "--rates", "5000", "--warmup", "5", "--seconds", "20",
                "--work", "bench/target/work"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        StringBuilder table = new StringBuilder(HEADER);
        for (String scenario : options.get("--scenarios").split(",")) {
            for (String rate : options.get("--rates").split(",")) {
                Result result = measure(scenario, Integer.parseInt(rate), options);
                table.append('\n').append(row(scenario, scenario.contains("-") ? 2 : 1, result));
                System.err.println(row(scenario, scenario.contains("-") ? 2 : 1, result));
            }
        }
        System.out.println(table);
    }

    private static Result measure(String scenario, int rate, Map<String, String> options) throws Exception {
        Path work = Path.of(options.get("--work"));
        String name = "huddle_signaling_bench_" + ProcessHandle.current().pid();
        BenchDatabase database = scenario.equals("sqlite") ? BenchDatabase.sqlite(work, name)
                : BenchDatabase.postgres(options.get("--pg"), name);
        Map<String, String> environment = new HashMap<>();
        int instances = 1;
        switch (scenario) {
            case "sqlite", "postgresql" -> { }
            case "postgresql-notify" -> {
                instances = 2;
                environment.put("HUDDLE_SIGNALING_BUS", "postgresql");
            }
            case "postgresql-nats" -> {
                instances = 2;
                environment.put("HUDDLE_SIGNALING_BUS", "nats");
                environment.put("HUDDLE_SIGNALING_NATS_SERVERS", options.get("--nats"));
            }
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario
                    + "; use sqlite, postgresql, postgresql-notify, postgresql-nats");
        }
        int peers = Integer.parseInt(options.get("--peers"));
        int rooms = Integer.parseInt(options.get("--rooms"));
        try (RelayInstances servers = RelayInstances.start(database, instances, environment, Path.of(options.get("--app")), work)) {
            List<Peer> population = RelayPeers.create(servers.urls().get(0), database, peers, rooms);
            try (RelayLoad load = RelayLoad.connect(population, servers.urls(), peers / rooms)) {
                return load.run(rate, Duration.ofSeconds(Long.parseLong(options.get("--warmup"))),
                        Duration.ofSeconds(Long.parseLong(options.get("--seconds"))), peers / rooms, servers::cpu);
            }
        }
    }

    private static String row(String scenario, int instances, Result result) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %.1f |", scenario,
                instances, result.rate(), result.deliveredPerSecond(), result.percentileMillis(50), result.percentileMillis(90),
                result.percentileMillis(99), result.percentileMillis(100), result.skipped(), result.serverCpu().toMillis() / 1e3,
                result.clientCpu().toMillis() / 1e3);
    }
}
