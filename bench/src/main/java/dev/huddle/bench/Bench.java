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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times, side by side in the same rounds, Huddle's runner, plain Flyway (defaults and group mode), node-pg-migrate
 * when Node is present, and the floor (all SQL in one psql -1 / one sqlite3 transaction), for several corpus sizes.
 * Prints a Markdown report. Usage: see bench/run.sh.
 *
 * <p>Longer than most files on purpose: a benchmark is read to check that every contender ran under the same
 * conditions, and that is easiest with the rounds, the contenders and the report side by side in one file.
 */
public final class Bench {
    /** Only the corpus, not the app's own modules that the runner jar also carries: every runner gets the same work. */
    private static final String CORPUS_MODULES = "mod0,mod1,mod2,mod3";
    private final Options options;
    /** engine -> size -> measurement -> seconds per round. */
    private final Map<String, Map<Integer, Map<String, List<Double>>>> results = new LinkedHashMap<>();
    /** The data-script corpus (--data-sizes): engine -> INSERT count -> measurement -> seconds per round. */
    private final Map<String, Map<Integer, Map<String, List<Double>>>> dataResults = new LinkedHashMap<>();
    /** engine -> INSERT count -> the first line of each failing run's error, as Huddle printed it. */
    private final Map<String, Map<Integer, List<String>>> dataFailures = new LinkedHashMap<>();
    private int databaseCounter;

    private Bench(Options options) {
        this.options = options;
    }

    /** Command-line options. */
    record Options(List<Integer> sizes, int rounds, int bigRounds, String pgHost, int pgPort, Path runner, Path app,
                   Path work, boolean nodePgMigrate, List<String> engines, int warmup, List<String> runners,
                   List<Integer> dataSizes, int dataRounds) {
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("--sizes", "100,1000,10000", "--rounds", "7",
                    "--big-rounds", "3", "--pg", "127.0.0.1:5432", "--runner", "app/target/huddle-migrate",
                    "--app", "app/target/huddle.jar", "--work", "bench/target/work", "--node", "auto"));
            values.put("--engines", "postgresql,sqlite");
            values.put("--warmup", "1");
            values.put("--runners", "floor,huddle,flyway,bare,app");
            values.put("--data-sizes", "");
            values.put("--data-rounds", "3");
            List<String> given = new ArrayList<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!values.containsKey(args[i])) {
                    throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + values.keySet());
                }
                values.put(args[i], args[i + 1]);
                given.add(args[i]);
            }
            // --data-sizes alone measures only the data scripts; with --sizes too, both corpora.
            if (given.contains("--data-sizes") && !given.contains("--sizes")) {
                values.put("--sizes", "");
            }
            String[] pg = values.get("--pg").split(":");
            boolean node = switch (values.get("--node")) {
                case "yes" -> true;
                case "no" -> false;
                default -> NodePgMigrate.available();
            };
            return new Options(numbers(values.get("--sizes")),
                    Integer.parseInt(values.get("--rounds")), Integer.parseInt(values.get("--big-rounds")), pg[0], Integer.parseInt(pg[1]),
                    Path.of(values.get("--runner")), Path.of(values.get("--app")), Path.of(values.get("--work")), node,
                    List.of(values.get("--engines").split(",")), Integer.parseInt(values.get("--warmup")),
                    List.of(values.get("--runners").split(",")), numbers(values.get("--data-sizes")),
                    Integer.parseInt(values.get("--data-rounds")));
        }

        private static List<Integer> numbers(String commaSeparated) {
            return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(n -> !n.isEmpty()).map(Integer::parseInt).toList();
        }

        /** Whether this run measures the given runner (floor, huddle, flyway, bare, app); node-pg-migrate has --node. */
        boolean measures(String runner) {
            return runners.contains(runner);
        }
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(Options.parse(args));
        bench.run();
        Report report = new Report(bench.options, bench.results);
        System.out.println(bench.options.sizes().isEmpty() ? report.header(LocalDate.now().toString()) : report.markdown(LocalDate.now().toString()));
        if (!bench.dataResults.isEmpty()) {
            System.out.println(report.data(bench.dataResults, bench.dataFailures));
        }
    }

    private void run() throws Exception {
        Path benchJar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        NodePgMigrate node = options.nodePgMigrate() ? NodePgMigrate.install(options.work().resolve("node")) : null;
        for (int size : options.sizes()) {
            Path corpus = Corpus.write(options.work().resolve("corpus-" + size), size);
            if (node != null) {
                node.writeMigrations(corpus, size);
            }
            int rounds = size >= 10_000 ? options.bigRounds() : options.rounds();
            log("size " + size + ": " + options.warmup() + " warm-up, then " + rounds + " rounds");
            for (int round = 1 - options.warmup(); round <= rounds; round++) {
                boolean record = round > 0;
                for (String engine : options.engines()) {
                    log("size " + size + ", round " + round + ", " + engine);
                    roundOf(engine, size, corpus, benchJar, node, record);
                }
            }
            if (options.measures("app") && (size == 1000 || options.sizes().size() == 1)) {
                for (int round = 1 - options.warmup(); round <= options.rounds(); round++) {
                    for (String engine : options.engines()) {
                        appBoot(engine, size, corpus, round > 0);
                    }
                }
            }
        }
        for (int rows : options.dataSizes()) {
            Path corpus = DataCorpus.write(options.work().resolve("data-" + rows), rows);
            log("data script of " + rows + " INSERTs: " + options.dataRounds() + " rounds, no warm-up");
            for (int round = 1; round <= options.dataRounds(); round++) {
                for (String engine : options.engines()) {
                    log("data " + rows + ", round " + round + ", " + engine);
                    dataRoundOf(engine, rows, corpus);
                }
            }
        }
    }

    /**
     * One round of the data-script corpus: the floor and Huddle's cold apply, then both again on the variant whose
     * last statement fails (a duplicate key), timed to the exit with the error.
     */
    private void dataRoundOf(String engine, int rows, Path corpus) throws Exception {
        for (String variant : List.of("ok", "failing")) {
            boolean failing = variant.equals("failing");
            String suffix = failing ? ", failing at the last statement" : "";
            Path root = corpus.resolve(variant);
            if (options.measures("floor")) {
                Database floor = fresh(engine);
                List<String> command = floorCommand(engine, floor, root.resolve("floor").resolve(engine + ".sql").toAbsolutePath().toString());
                long started = System.nanoTime();
                String output = run(command, failing);
                recordData(engine, rows, "floor" + suffix, (System.nanoTime() - started) / 1e9);
                floor.drop();
                if (failing) {
                    log("  floor: " + firstLine(output));
                }
            }
            if (options.measures("huddle")) {
                Database huddle = fresh(engine);
                List<String> command = runnerOf(huddle, root.resolve("modules"), DataCorpus.MODULE, "up");
                long started = System.nanoTime();
                String output = run(command, failing);
                recordData(engine, rows, "huddle up (cold)" + suffix, (System.nanoTime() - started) / 1e9);
                huddle.drop();
                if (failing) {
                    String error = firstLine(output.substring(Math.max(0, output.indexOf("Migration "))));
                    log("  huddle: " + error);
                    dataFailures.computeIfAbsent(engine, e -> new LinkedHashMap<>()).computeIfAbsent(rows, r -> new ArrayList<>()).add(error);
                }
            }
        }
    }

    private void recordData(String engine, int rows, String name, double seconds) {
        log("  " + name + ": " + seconds(seconds) + " s");
        dataResults.computeIfAbsent(engine, e -> new LinkedHashMap<>()).computeIfAbsent(rows, r -> new LinkedHashMap<>())
                .computeIfAbsent(name, n -> new ArrayList<>()).add(seconds);
    }

    private static String firstLine(String text) {
        String line = text.strip().split("\n", 2)[0];
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private void roundOf(String engine, int size, Path corpus, Path benchJar, NodePgMigrate node, boolean record) throws Exception {
        Path modules = corpus.resolve("modules");
        String flat = corpus.resolve("flat").resolve(engine).toAbsolutePath().toString();

        if (options.measures("floor")) {
            Database floor = fresh(engine);
            time(engine, size, "floor", record, floorCommand(engine, floor, corpus.resolve("floor").resolve(engine + ".sql").toAbsolutePath().toString()));
            floor.drop();
        }

        if (options.measures("huddle")) {
            Database plan = fresh(engine);
            time(engine, size, "huddle plan (up --dry-run)", record, runner(plan, modules, "up", "--dry-run"));
            plan.drop();

            Database huddle = fresh(engine);
            time(engine, size, "huddle up (cold)", record, runner(huddle, modules, "up"));
            time(engine, size, "huddle up (no-op)", record, runner(huddle, modules, "up"));
            // The bare JVM against this very database: a SQLite file of thousands of tables costs its schema's parsing to
            // any first statement, which an empty database does not show.
            time(engine, size, "bare JVM + JDBC select 1, same database", record,
                    java(benchJar, "dev.huddle.bench.BareJdbc", huddle.jdbcUrl(), huddle.user()));
            time(engine, size, "huddle status", record, runner(huddle, modules, "status"));
            time(engine, size, "huddle validate", record, runner(huddle, modules, "validate"));
            huddle.drop();
        }

        if (options.measures("flyway")) {
            Database flyway = fresh(engine);
            time(engine, size, "flyway migrate (cold)", record, java(benchJar, "dev.huddle.bench.PlainFlyway", flyway.jdbcUrl(), flyway.user(), flat));
            time(engine, size, "flyway migrate (no-op)", record, java(benchJar, "dev.huddle.bench.PlainFlyway", flyway.jdbcUrl(), flyway.user(), flat));
            flyway.drop();

            Database group = fresh(engine);
            time(engine, size, "flyway group (cold)", record, java(benchJar, "dev.huddle.bench.PlainFlyway", group.jdbcUrl(), group.user(), flat, "group"));
            group.drop();
        }

        if (options.measures("bare")) {
            Database bare = fresh(engine);
            time(engine, size, "bare JVM + JDBC select 1", record, java(benchJar, "dev.huddle.bench.BareJdbc", bare.jdbcUrl(), bare.user()));
            // The same with the launcher's JVM flags (not its archive, which holds Huddle's classes): what the flags alone give.
            time(engine, size, "bare JVM + JDBC select 1, launcher flags", record, java(benchJar, launcherFlags(options.runner()), "dev.huddle.bench.BareJdbc",
                    bare.jdbcUrl(), bare.user()));
            bare.drop();
        }

        if (node != null && engine.equals("postgresql")) {
            Database nodeDb = fresh(engine);
            time(engine, size, "node-pg-migrate up (cold)", record, node.up(nodeDb.huddleUrl(), corpus));
            time(engine, size, "node-pg-migrate up (no-op)", record, node.up(nodeDb.huddleUrl(), corpus));
            nodeDb.drop();
        }
    }

    /** The app's boot with the corpus as extra modules, nothing pending, against its boot with migrations off. */
    private void appBoot(String engine, int size, Path corpus, boolean record) throws Exception {
        Database db = fresh(engine);
        Path modules = corpus.resolve("modules").toAbsolutePath();
        run(runner(db, modules, "up"));
        Map<String, String> env = Map.of("DATABASE_URL", db.huddleUrl(), "HUDDLE_MIGRATION_MODULES_DIR", modules.toString());
        timeBoot(engine, size, "app boot, nothing pending", record, env, "migrate");
        timeBoot(engine, size, "app boot, migrations off", record, env, "off");
        db.drop();
    }

    private void timeBoot(String engine, int size, String name, boolean record, Map<String, String> env, String mode) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", options.app().toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        builder.environment().put("HUDDLE_MIGRATION_MODE", mode);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            while (true) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("The app exited while booting (" + name + ")");
                }
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                }
                Thread.sleep(10);
            }
            record(engine, size, name, record, (System.nanoTime() - started) / 1e9);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private List<String> floorCommand(String engine, Database db, String file) {
        if (engine.equals("postgresql")) {
            return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-h", options.pgHost(), "-p",
                    String.valueOf(options.pgPort()), "-U", "postgres", "-d", db.name(), "-f", file);
        }
        return List.of("sh", "-c", "sqlite3 -bail '" + db.name() + "' < '" + file + "'");
    }

    private List<String> runner(Database db, Path modules, String... command) {
        return runnerOf(db, modules, CORPUS_MODULES, command);
    }

    private List<String> runnerOf(Database db, Path modules, String moduleNames, String... command) {
        List<String> args = new ArrayList<>(List.of(options.runner().toAbsolutePath().toString(),
                "--url", db.huddleUrl(), "--modules-dir", modules.toAbsolutePath().toString(), "--modules", moduleNames));
        args.addAll(List.of(command));
        return args;
    }

    private static List<String> java(Path jar, String mainClass, String... args) {
        return java(jar, List.of(), mainClass, args);
    }

    private static List<String> java(Path jar, List<String> jvmFlags, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", jar.toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private void time(String engine, int size, String name, boolean record, List<String> command) throws Exception {
        long started = System.nanoTime();
        run(command);
        record(engine, size, name, record, (System.nanoTime() - started) / 1e9);
    }

    private void record(String engine, int size, String name, boolean record, double seconds) {
        if (record) {
            results.computeIfAbsent(engine, e -> new LinkedHashMap<>()).computeIfAbsent(size, s -> new LinkedHashMap<>())
                    .computeIfAbsent(name, n -> new ArrayList<>()).add(seconds);
        }
    }

    private static void run(List<String> command) throws Exception {
        run(command, false);
    }

    /** Runs a command to its exit, which must be an error exactly when {@code failureExpected}; returns its output. */
    private static String run(List<String> command, boolean failureExpected) throws Exception {
        Path output = Files.createTempFile("huddle-bench-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // The runner's launcher runs the Java it finds in JAVA_HOME: the same as every other measurement's.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        boolean exited = process.waitFor(30, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        if (!exited || (process.exitValue() != 0) != failureExpected) {
            throw new IllegalStateException((failureExpected ? "Did not fail as expected: " : "Failed: ") + String.join(" ", command)
                    + "\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        return text;
    }

    private Database fresh(String engine) throws Exception {
        String name = "huddle_bench_" + ProcessHandle.current().pid() + "_" + (++databaseCounter);
        if (engine.equals("sqlite")) {
            Path file = Files.createDirectories(options.work().resolve("sqlite").toAbsolutePath()).resolve(name + ".db");
            return new Database(engine, file.toString(), options);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl(options), "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
        return new Database(engine, name, options);
    }

    static String adminUrl(Options options) {
        return "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/postgres";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    /** One database a measurement uses and drops. */
    record Database(String engine, String name, Options options) {
        String huddleUrl() {
            return engine.equals("sqlite") ? "jdbc:sqlite:" + name
                    : "postgresql://postgres@" + options.pgHost() + ":" + options.pgPort() + "/" + name;
        }

        String jdbcUrl() {
            return engine.equals("sqlite") ? "jdbc:sqlite:" + name + "?foreign_keys=true"
                    : "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + name;
        }

        String user() {
            return engine.equals("sqlite") ? "-" : "postgres";
        }

        void drop() throws Exception {
            if (engine.equals("sqlite")) {
                for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".migration-lock"}) {
                    Files.deleteIfExists(Path.of(name + suffix));
                }
                return;
            }
            try (Connection admin = DriverManager.getConnection(adminUrl(options), "postgres", null);
                 Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * The JVM flags the measured launcher passes (its {@code exec "$java" ...} line up to the user's own options), read
     * from the launcher itself so that the bare JVM gets exactly the flags the runner does, whatever they become.
     */
    static List<String> launcherFlags(Path launcher) throws IOException {
        String prefix = "exec \"$java\" ";
        for (String line : Files.readAllLines(launcher)) {
            if (line.startsWith(prefix)) {
                String flags = line.substring(prefix.length());
                int own = flags.indexOf("$HUDDLE_MIGRATE_JAVA_OPTS");
                return Arrays.stream((own < 0 ? flags : flags.substring(0, own)).trim().split("\\s+"))
                        .filter(flag -> flag.startsWith("-")).toList();
            }
        }
        throw new IllegalStateException(launcher + " has no line starting with " + prefix + ": cannot tell its JVM flags");
    }
}
