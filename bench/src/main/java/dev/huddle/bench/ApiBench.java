package dev.huddle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API benchmark of issue #12: the server jar on loopback, per engine, under a closed-loop load of
 * {@code GET /api/meetings/{id}} and of {@code POST /api/meetings/{id}/participants} (a join: an upsert on
 * (meeting, identity)), signed with a client session when the server requires it. Prints a Markdown table.
 *
 * <pre>
 *   bench/run.sh api                                               # both engines, 16 connections, 5 s warm-up, 15 s each
 *   bench/run.sh api --engines postgresql --connections 8,32 --seconds 30 --signed no   # a jar without the filter
 *   bench/run.sh api --engines postgresql --connections 8 --profile yes  # and the signature check's share (JFR)
 * </pre>
 */
public final class ApiBench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    /** A throwaway bootstrap token for the benchmark's own, freshly created databases. */
    private static final String BENCH_ADMIN_TOKEN = "bench-only-admin-bootstrap-token-0123456789";

    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--engines", "postgresql,sqlite", "--pg", "127.0.0.1:5432",
                "--app", "app/target/huddle.jar", "--connections", "16", "--warmup", "5", "--seconds", "15",
                "--signed", "yes", "--work", "bench/target/work", "--profile", "no"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        List<String> rows = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (String engine : options.get("--engines").split(",")) {
            for (String connections : options.get("--connections").split(",")) {
                rows.addAll(measure(engine, Integer.parseInt(connections), options, profiles));
            }
        }
        System.out.println(LoadClient.HEADER);
        rows.forEach(System.out::println);
        if (!profiles.isEmpty()) {
            System.out.println();
            System.out.println(ApiProfile.HEADER);
            profiles.forEach(System.out::println);
        }
    }

    /** Runs both scenarios against a fresh server; with {@code --profile yes}, adds each one's JFR share to {@code profiles}. */
    private static List<String> measure(String engine, int connections, Map<String, String> options, List<String> profiles)
            throws Exception {
        String pg = options.get("--pg");
        String name = "huddle_api_bench_" + ProcessHandle.current().pid();
        String databaseUrl;
        Path sqliteFile = null;
        if (engine.equals("sqlite")) {
            sqliteFile = Files.createDirectories(Path.of(options.get("--work")).toAbsolutePath()).resolve(name + ".db");
            Files.deleteIfExists(sqliteFile);
            databaseUrl = "jdbc:sqlite:" + sqliteFile;
        } else {
            admin(pg, "create database " + name);
            databaseUrl = "postgresql://postgres@" + pg + "/" + name;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path work = Files.createDirectories(Path.of(options.get("--work")));
        boolean profiled = options.get("--profile").equals("yes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (profiled) {
            command.addAll(List.of(ApiProfile.JVM_OPTIONS));
        }
        command.addAll(List.of("-jar", Path.of(options.get("--app")).toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("app-" + engine + ".log").toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        // A throwaway key for the benchmark's own databases: PostgreSQL gets no generated one (README, "Signed requests").
        builder.environment().put("HUDDLE_AUTH_SERVER_KEY", "YmVuY2gtb25seS1zZXJ2ZXIta2V5LTMyLWJ5dGVzISE=");
        // Registration starts invite_only: the benchmark's session is the admin one the bootstrap token makes.
        builder.environment().put("HUDDLE_AUTH_ADMIN_BOOTSTRAP_TOKEN", BENCH_ADMIN_TOKEN);
        Process app = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealth(app, base);
            boolean signed = !options.get("--signed").equals("no");
            LoadClient unsigned = new LoadClient(base, null);
            String[] session;
            String meeting;
            try (HttpConnection setup = unsigned.connect()) {
                session = signed ? createSession(setup) : null;
                RequestSigner setupSigner = session == null ? null : new RequestSigner(session[0], session[1]);
                meeting = field(ID, LoadClient.answer(setup, setupSigner, LoadClient.Call.post("/api/meetings",
                        "{\"roomName\":\"bench\",\"title\":\"API benchmark\",\"hostIdentity\":\"host\"}")).text());
            }
            LoadClient client = session == null ? unsigned : new LoadClient(base, thread -> new RequestSigner(session[0], session[1]));
            Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("--warmup")));
            Duration measured = Duration.ofSeconds(Long.parseLong(options.get("--seconds")));
            String label = engine + (signed ? ", signed" : ", unsigned");
            LongSupplier serverCpu = () -> app.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            Path recording = work.resolve("app-" + engine + ".jfr");
            Instant readFrom = Instant.now().plus(warmup);
            LoadClient.Result read = client.run(label + " GET /api/meetings/{id}", connections, warmup, measured,
                    (thread, index) -> LoadClient.Call.get("/api/meetings/" + meeting), serverCpu);
            if (profiled) {
                profiles.add(ApiProfile.measure(app, recording, read.name(), readFrom, Instant.now()).row());
            }
            // 500 identities per thread: the first pass inserts, later passes update the same rows (rejoins).
            Instant joinFrom = Instant.now().plus(warmup);
            LoadClient.Result join = client.run(label + " POST .../participants (join)", connections, warmup, measured,
                    (thread, index) -> LoadClient.Call.post("/api/meetings/" + meeting + "/participants",
                            "{\"identity\":\"t" + thread + "-" + (index % 500) + "\",\"name\":\"Bench\"}"), serverCpu);
            if (profiled) {
                profiles.add(ApiProfile.measure(app, recording, join.name(), joinFrom, Instant.now()).row());
            }
            return List.of(read.row(), join.row());
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            if (sqliteFile != null) {
                for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".migration-lock"}) {
                    Files.deleteIfExists(Path.of(sqliteFile + suffix));
                }
            } else {
                admin(pg, "drop database if exists " + name + " with (force)");
            }
        }
    }

    private static void awaitHealth(Process app, String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The app exited while booting; see bench/target/work/app-*.log");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The app did not answer /health within 120 s");
    }

    /** A client session for the signed runs: {@code POST /api/sessions} answers its id and secret once. */
    private static String[] createSession(HttpConnection setup) throws IOException {
        String body = LoadClient.answer(setup, null, LoadClient.Call.post("/api/sessions",
                "{\"deviceId\":\"bench-device\",\"name\":\"API benchmark\",\"adminToken\":\"" + BENCH_ADMIN_TOKEN + "\"}"))
                .text();
        return new String[] {field(ID, body), field(SECRET, body)};
    }

    private static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected answer from the app: " + body);
        }
        return matcher.group(1);
    }

    private static void admin(String pg, String sql) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
