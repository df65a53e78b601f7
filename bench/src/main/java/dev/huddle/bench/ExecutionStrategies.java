package dev.huddle.bench;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.SqlScanner;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.PSQLException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Times the ways an executor could send a many-statement script to each engine, in one transaction, against the
 * floor ({@code psql -1 -f}, {@code sqlite3} with BEGIN/COMMIT), and checks which of them can tell the failing
 * statement from the first and only execution. Prints Markdown. Usage (from the repository root, after
 * {@code mvn -B -ntp -o -q package -DskipTests}):
 *
 * <pre>
 * java -cp bench/target/huddle-bench.jar dev.huddle.bench.ExecutionStrategies \
 *     --engines postgresql,sqlite --sizes 1000,10000,100000 --mixed 6600000 --rounds 1 --whole-max 100000
 * </pre>
 *
 * <p>Options: {@code --only a,b,...} (strategy keys), {@code --group 1000} (statements per string in e), {@code
 * --whole-max N} (largest script whose whole-script strategies run on PostgreSQL: their cost grows with the square of
 * the statement count), {@code --failures yes|no}, {@code --pg host:port}, {@code --work folder}.
 *
 * <p>Longer than most files on purpose: it is an experiment, kept so its figures in RESULTS.md can be run again, and
 * each strategy is a short method best compared with the others on the same page.
 */
public final class ExecutionStrategies {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, String> options;
    private final String pgHost;
    private final int pgPort;
    private final Path work;
    private final int group;
    private final int wholeMax;
    private final List<String> only;
    private int databases;
    /** engine -> script -> strategy -> rounds. */
    private final Map<String, Map<String, Map<String, List<Measure>>>> results = new LinkedHashMap<>();
    /** engine -> script -> strategy -> why it could not run the (valid) script. */
    private final Map<String, Map<String, Map<String, String>>> failedRuns = new LinkedHashMap<>();
    /** engine -> strategy -> failure kind -> what the strategy told. */
    private final Map<String, Map<String, Map<String, String>>> failures = new LinkedHashMap<>();

    /** One timed run: wall and client CPU seconds of the whole strategy, of which splitting took {@code split}. */
    record Measure(double wall, double cpu, double split) {
    }

    /** A script to run, after its prelude (the table it fills), and how its statements split. */
    record Script(String name, String prelude, String sql, List<ScriptSplitter.Piece> pieces) {
    }

    /** A strategy: a key for {@code --only}, a label for the report, the engine, and its body. */
    record Strategy(String key, String label, String engine, boolean simpleMode, boolean wholeScript, Body body) {
    }

    @FunctionalInterface
    interface Body {
        /** Runs the script; returns the seconds spent splitting it; on failure throws {@link Located}. */
        double run(Connection connection, Script script) throws Exception;
    }

    /** A failure, with the 0-based index of the statement the strategy blames (-1: it cannot tell) and how it knows. */
    static final class Located extends Exception {
        final int statement;
        final int groupFirst;
        final int groupLast;
        final String how;

        Located(SQLException cause, int statement, String how) {
            this(cause, statement, -1, -1, how);
        }

        Located(SQLException cause, int statement, int groupFirst, int groupLast, String how) {
            super(cause.getMessage(), cause);
            this.statement = statement;
            this.groupFirst = groupFirst;
            this.groupLast = groupLast;
            this.how = how;
        }
    }

    private ExecutionStrategies(Map<String, String> options) {
        this.options = options;
        String[] pg = options.get("--pg").split(":");
        this.pgHost = pg[0];
        this.pgPort = Integer.parseInt(pg[1]);
        this.work = Path.of(options.get("--work")).toAbsolutePath();
        this.group = Integer.parseInt(options.get("--group"));
        this.wholeMax = Integer.parseInt(options.get("--whole-max"));
        this.only = options.get("--only").isEmpty() ? List.of() : List.of(options.get("--only").split(","));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--engines", "postgresql,sqlite");
        options.put("--sizes", "1000,10000,100000");
        options.put("--mixed", "6600000");
        options.put("--rounds", "1");
        options.put("--pg", "127.0.0.1:5432");
        options.put("--work", "bench/target/exec");
        options.put("--group", "1000");
        options.put("--whole-max", "100000");
        options.put("--only", "");
        options.put("--failures", "yes");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        ExecutionStrategies bench = new ExecutionStrategies(options);
        Files.createDirectories(bench.work);
        for (String engine : options.get("--engines").split(",")) {
            if (options.get("--failures").equals("yes")) {
                bench.failures(engine);
            }
            bench.timings(engine);
        }
        System.out.println(bench.markdown());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The strategies

    private List<Strategy> strategies() {
        List<Strategy> all = List.of(
                new Strategy("a", "(a) whole script, one execute, extended protocol (today)", "postgresql", false, true,
                        (c, s) -> whole(c, s, false)),
                new Strategy("b", "(b) whole script, one execute, preferQueryMode=simple", "postgresql", true, true,
                        (c, s) -> whole(c, s, true)),
                new Strategy("b-count", "(b') whole script as one Query message, counting results (pgjdbc QueryExecutor)", "postgresql",
                        true, false, (c, s) -> counted(c, s, s.pieces().size())),
                new Strategy("c-scanner", "(c) SqlScanner split, execute each (extended)", "postgresql", false, false,
                        (c, s) -> eachScanned(c, s, Dialect.POSTGRESQL)),
                new Strategy("c", "(c) light split, execute each (extended)", "postgresql", false, false, ExecutionStrategies::each),
                new Strategy("c-simple", "(c) light split, execute each (simple)", "postgresql", true, false, ExecutionStrategies::each),
                new Strategy("d", "(d) light split, one executeBatch (extended)", "postgresql", false, false, ExecutionStrategies::batch),
                new Strategy("d-simple", "(d) light split, one executeBatch (simple)", "postgresql", true, false, ExecutionStrategies::batch),
                new Strategy("e", "(e) light split, groups of " + group + " as one string, execute each (simple)", "postgresql", true, false,
                        this::groups),
                new Strategy("e-count", "(e') light split, groups of " + group + " as one Query message, counting results", "postgresql", true, false,
                        (c, s) -> counted(c, s, group)),
                new Strategy("s-whole", "whole script, one executeUpdate (today)", "sqlite", false, false, (c, s) -> {
                    try (Statement statement = c.createStatement()) {
                        statement.executeUpdate(s.sql());
                    } catch (SQLException e) {
                        throw new Located(e, -1, "no: sqlite3_exec's error names no statement");
                    }
                    return 0;
                }),
                new Strategy("s-scanner", "SqlScanner split, execute each", "sqlite", false, false, (c, s) -> eachScanned(c, s, Dialect.SQLITE)),
                new Strategy("s-each", "light split, execute each (Statement)", "sqlite", false, false, ExecutionStrategies::each),
                new Strategy("s-prepared", "light split, prepareStatement + execute each", "sqlite", false, false, ExecutionStrategies::prepared),
                new Strategy("s-batch", "light split, one executeBatch", "sqlite", false, false, ExecutionStrategies::batch));
        return all.stream().filter(s -> only.isEmpty() || only.contains(s.key())).toList();
    }

    /** Today's way, the script whole in one call; pgjdbc names no statement, only the server's Position may help. */
    private static double whole(Connection connection, Script script, boolean simple) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(script.sql());
        } catch (SQLException e) {
            int position = position(e);
            if (simple && position > 0) {
                int index = ScriptSplitter.pieceAt(script.pieces(), position - 1);
                throw new Located(e, index, "Position " + position + " of the whole string");
            }
            throw new Located(e, -1, position > 0 ? "no: Position " + position + " is within one statement, not the script" : "no");
        }
        return 0;
    }

    /** Per statement, Huddle's SqlScanner (what the executor splits with) first; its split time counts. */
    private static double eachScanned(Connection connection, Script script, Dialect dialect) throws Exception {
        long started = System.nanoTime();
        List<ScriptStatement> statements = SqlScanner.scan(dialect, script.sql()).statements();
        double split = (System.nanoTime() - started) / 1e9;
        executeOneByOne(connection, statements.stream().map(ScriptStatement::sql).toList());
        return split;
    }

    private static double each(Connection connection, Script script) throws Exception {
        long started = System.nanoTime();
        List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(script.sql(), isSqlite(connection));
        double split = (System.nanoTime() - started) / 1e9;
        executeOneByOne(connection, pieces.stream().map(ScriptSplitter.Piece::sql).toList());
        return split;
    }

    /** Each statement on its own round trip, a failure located at the statement that threw. */
    private static void executeOneByOne(Connection connection, List<String> statements) throws SQLException, Located {
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    statement.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new Located(e, i, "the statement that threw");
                }
            }
        }
    }

    private static double prepared(Connection connection, Script script) throws Exception {
        long started = System.nanoTime();
        List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(script.sql(), true);
        double split = (System.nanoTime() - started) / 1e9;
        for (int i = 0; i < pieces.size(); i++) {
            try (PreparedStatement statement = connection.prepareStatement(pieces.get(i).sql())) {
                statement.execute();
            } catch (SQLException e) {
                throw new Located(e, i, "the statement that threw");
            }
        }
        return split;
    }

    private static double batch(Connection connection, Script script) throws Exception {
        long started = System.nanoTime();
        List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(script.sql(), isSqlite(connection));
        double split = (System.nanoTime() - started) / 1e9;
        try (Statement statement = connection.createStatement()) {
            for (ScriptSplitter.Piece piece : pieces) {
                statement.addBatch(piece.sql());
            }
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            // Inside a transaction pgjdbc marks every entry EXECUTE_FAILED (the whole batch is rolled back), and
            // sqlite-jdbc gives 0 to the failing entry and all after it, like a statement that changed no row: the
            // counts do not locate the failure. Both drivers' messages do: "Batch entry N ...", 0-based (pgjdbc writes 1,500).
            int[] counts = e.getUpdateCounts();
            java.util.regex.Matcher entry = java.util.regex.Pattern.compile("(?i)batch entry (\\d[\\d,]*)").matcher(e.getMessage());
            String how = "counts " + summary(counts) + "; only the message names the entry";
            throw new Located(e, entry.find() ? Integer.parseInt(entry.group(1).replace(",", "")) : -1, how);
        }
        return split;
    }

    /** The update counts in short: each distinct value and how many times it came in a row. */
    private static String summary(int[] counts) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < counts.length; ) {
            int j = i;
            while (j < counts.length && counts[j] == counts[i]) {
                j++;
            }
            text.append(text.length() > 1 ? ", " : "").append(counts[i]).append(" ×").append(j - i);
            i = j;
        }
        return text.append("]").toString();
    }

    /** Groups of {@link #group} statements joined into one string each, one execute per group (simple mode). */
    private double groups(Connection connection, Script script) throws Exception {
        long started = System.nanoTime();
        List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(script.sql(), false);
        List<String> strings = joined(script.sql(), pieces, group);
        double split = (System.nanoTime() - started) / 1e9;
        try (Statement statement = connection.createStatement()) {
            for (int g = 0; g < strings.size(); g++) {
                try {
                    statement.execute(strings.get(g));
                } catch (SQLException e) {
                    int first = g * group;
                    int last = Math.min(pieces.size(), first + group) - 1;
                    int position = position(e);
                    if (position > 0) {
                        int offset = pieces.get(first).start() + position - 1;
                        throw new Located(e, ScriptSplitter.pieceAt(pieces, offset), first, last, "group " + g + ", then Position " + position);
                    }
                    throw new Located(e, -1, first, last, "only its group: statements " + (first + 1) + "–" + (last + 1));
                }
            }
        }
        return split;
    }

    /** The script's own text from group start to group end, so a group's Position maps back to the script. */
    private static List<String> joined(String sql, List<ScriptSplitter.Piece> pieces, int size) {
        List<String> strings = new ArrayList<>(pieces.size() / size + 1);
        for (int first = 0; first < pieces.size(); first += size) {
            int last = Math.min(pieces.size(), first + size) - 1;
            strings.add(sql.substring(pieces.get(first).start(), pieces.get(last).end()));
        }
        return strings;
    }

    /**
     * Groups of {@code size} statements (the whole script when it is the statement count), each sent as one simple
     * Query message through pgjdbc's QueryExecutor with a handler that counts the statements the server completed:
     * on an error, that count is the failing statement's index within the group, and a Position, when the server
     * gives one, is relative to the group's string. Linear: pgjdbc's Statement keeps its results in a list it walks
     * to the end for every new one.
     */
    private static double counted(Connection connection, Script script, int size) throws Exception {
        long started = System.nanoTime();
        List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(script.sql(), false);
        List<String> strings = size >= pieces.size() ? List.of(script.sql()) : joined(script.sql(), pieces, size);
        double split = size >= pieces.size() ? 0 : (System.nanoTime() - started) / 1e9;
        QueryExecutor executor = connection.unwrap(PgConnection.class).getQueryExecutor();
        for (int g = 0; g < strings.size(); g++) {
            int first = g * Math.min(size, pieces.size());
            int base = strings.size() == 1 ? 0 : pieces.get(first).start();
            CachedQuery query = executor.createQuery(strings.get(g), false, false);
            CountingHandler handler = new CountingHandler();
            try {
                // The executor ends with the handler's handleCompletion(), which throws the first error it was given.
                executor.execute(query.query, query.query.createParameterList(), handler, 0, 0, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
            } catch (SQLException e) {
                int position = position(e);
                if (position > 0) {
                    throw new Located(e, ScriptSplitter.pieceAt(pieces, base + position - 1),
                            "Position " + position + " (" + handler.completed + " completed before)");
                }
                throw new Located(e, first + handler.completed, handler.completed + " statements completed before it"
                        + (strings.size() == 1 ? "" : " in group " + g));
            }
        }
        return split;
    }

    /** Counts the statements the server completed (CommandComplete, with or without rows) before an error. */
    static final class CountingHandler extends ResultHandlerBase {
        int completed;

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            completed++;
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            completed++;
        }

        @Override
        public void handleWarning(java.sql.SQLWarning warning) {
            // Notices do not end a statement.
        }
    }

    private static int position(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getPosition();
        }
        if (e.getCause() instanceof SQLException cause && cause != e) {
            return position(cause);
        }
        if (e.getNextException() != null) {
            return position(e.getNextException());
        }
        return 0;
    }

    private static boolean isSqlite(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Timings

    private void timings(String engine) throws Exception {
        List<Script> scripts = new ArrayList<>();
        for (String size : options.get("--sizes").split(",")) {
            int rows = Integer.parseInt(size.strip());
            String sql = DataCorpus.dataScript(rows, false);
            scripts.add(new Script(label(rows) + " INSERTs", DataCorpus.createTable(engine), sql, ScriptSplitter.split(sql, engine.equals("sqlite"))));
        }
        int mixedBytes = Integer.parseInt(options.get("--mixed"));
        if (mixedBytes > 0) {
            String sql = DataCorpus.mixed(engine, mixedBytes);
            List<ScriptSplitter.Piece> pieces = ScriptSplitter.split(sql, engine.equals("sqlite"));
            scripts.add(new Script(String.format(Locale.ROOT, "mixed %.1f MB (%s statements)", sql.length() / 1e6, label(pieces.size())),
                    "", sql, pieces));
        }
        int rounds = Integer.parseInt(options.get("--rounds"));
        for (int round = 1; round <= rounds; round++) {
            for (Script script : scripts) {
                Path file = work.resolve(engine + "-" + script.pieces().size() + ".sql");
                Files.writeString(file, engine.equals("sqlite") ? "BEGIN;\n" + script.sql() + "\nCOMMIT;\n" : script.sql());
                Bench.log("exec " + engine + ", " + script.name() + ", round " + round + ": floor");
                String db = fresh(engine, script.prelude());
                long started = System.nanoTime();
                floor(engine, db, file);
                record(engine, script, "floor", new Measure((System.nanoTime() - started) / 1e9, 0, 0));
                drop(engine, db);
                for (Strategy strategy : strategies()) {
                    if (!strategy.engine().equals(engine) || (strategy.wholeScript() && script.pieces().size() > wholeMax)) {
                        continue;
                    }
                    Bench.log("exec " + engine + ", " + script.name() + ", round " + round + ": " + strategy.key());
                    db = fresh(engine, script.prelude());
                    try (Connection connection = connect(engine, db, strategy.simpleMode())) {
                        connection.setAutoCommit(false);
                        long cpu = THREADS.getCurrentThreadCpuTime();
                        started = System.nanoTime();
                        double split = strategy.body().run(connection, script);
                        connection.commit();
                        double wall = (System.nanoTime() - started) / 1e9;
                        record(engine, script, strategy.label(), new Measure(wall, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, split));
                    } catch (Located e) {
                        // A SELECT in a JDBC batch: recorded, not fatal; the table says how it failed.
                        String message = e.getMessage().strip().split("\n")[0];
                        Bench.log("  failed: " + message);
                        failedRuns.computeIfAbsent(engine, x -> new LinkedHashMap<>()).computeIfAbsent(script.name(), x -> new LinkedHashMap<>())
                                .put(strategy.label(), message.length() > 140 ? message.substring(0, 140) + "…" : message);
                    } finally {
                        drop(engine, db);
                    }
                }
            }
        }
    }

    private void record(String engine, Script script, String strategy, Measure measure) {
        Bench.log(String.format(Locale.ROOT, "  %.3f s (client CPU %.3f s, split %.3f s)", measure.wall(), measure.cpu(), measure.split()));
        results.computeIfAbsent(engine, e -> new LinkedHashMap<>()).computeIfAbsent(script.name(), s -> new LinkedHashMap<>())
                .computeIfAbsent(strategy, s -> new ArrayList<>()).add(measure);
    }

    private static String label(int count) {
        return count % 1000 == 0 ? (count % 1_000_000 == 0 ? count / 1_000_000 + "M" : count / 1000 + "k") : String.valueOf(count);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Failure location

    /** The failing statements tried, each appended as the last of a 1,500-INSERT script. */
    private static Map<String, String> failingStatements(String engine) {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("unique violation", DataCorpus.insert(1));
        kinds.put(engine.equals("sqlite") ? "1/0 (NULL in SQLite: not-null violation)" : "division by zero",
                "insert into " + DataCorpus.TABLE + " (id, sku, customer, quantity, price, created_at, active) "
                        + "values (5000000, 'SKU-X', 'x', 1/0, 1, '2024-01-01', true);\n");
        kinds.put("syntax error", "insert into " + DataCorpus.TABLE + " valuez (1);\n");
        kinds.put("missing table", "insert into no_such_table (id) values (1);\n");
        return kinds;
    }

    private void failures(String engine) throws Exception {
        int rows = 1500;
        for (Map.Entry<String, String> kind : failingStatements(engine).entrySet()) {
            String sql = DataCorpus.dataScript(rows, false) + kind.getValue();
            Script script = new Script("failing", DataCorpus.createTable(engine), sql, ScriptSplitter.split(sql, engine.equals("sqlite")));
            int expected = script.pieces().size() - 1;
            for (Strategy strategy : strategies()) {
                if (!strategy.engine().equals(engine)) {
                    continue;
                }
                Bench.log("failure " + engine + ", " + kind.getKey() + ": " + strategy.key());
                String db = fresh(engine, script.prelude());
                String told;
                try (Connection connection = connect(engine, db, strategy.simpleMode())) {
                    connection.setAutoCommit(false);
                    strategy.body().run(connection, script);
                    told = "did not fail";
                } catch (Located e) {
                    told = describe(e, expected);
                } finally {
                    drop(engine, db);
                }
                failures.computeIfAbsent(engine, x -> new LinkedHashMap<>()).computeIfAbsent(strategy.label(), x -> new LinkedHashMap<>())
                        .put(kind.getKey(), told);
            }
        }
    }

    private static String describe(Located e, int expected) {
        String verdict;
        if (e.statement == expected) {
            verdict = "**yes**, #" + (e.statement + 1);
        } else if (e.statement >= 0) {
            verdict = "**wrong**: #" + (e.statement + 1) + " (it was #" + (expected + 1) + ")";
        } else if (e.groupFirst >= 0) {
            verdict = "group only (#" + (e.groupFirst + 1) + "–#" + (e.groupLast + 1) + ")";
        } else {
            verdict = "no";
        }
        return verdict + "; " + e.how.replace("|", "/");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Databases

    private String fresh(String engine, String prelude) throws Exception {
        String name = "bench_exec_" + ProcessHandle.current().pid() + "_" + (++databases);
        if (engine.equals("sqlite")) {
            name = work.resolve(name + ".db").toString();
        } else {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres", "postgres", null);
                 Statement statement = admin.createStatement()) {
                statement.execute("create database " + name);
            }
        }
        if (!prelude.isEmpty()) {
            try (Connection connection = connect(engine, name, false); Statement statement = connection.createStatement()) {
                statement.executeUpdate(prelude);
            }
        }
        return name;
    }

    private Connection connect(String engine, String db, boolean simple) throws SQLException {
        if (engine.equals("sqlite")) {
            return DriverManager.getConnection("jdbc:sqlite:" + db);
        }
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (simple) {
            properties.setProperty("preferQueryMode", "simple");
        }
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db, properties);
    }

    private void drop(String engine, String db) throws Exception {
        if (engine.equals("sqlite")) {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + db + " with (force)");
        }
    }

    private void floor(String engine, String db, Path file) throws Exception {
        List<String> command = engine.equals("sqlite")
                ? List.of("sh", "-c", "sqlite3 -bail '" + db + "' < '" + file + "' > /dev/null")
                : List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-h", pgHost, "-p", String.valueOf(pgPort), "-U", "postgres",
                        "-d", db, "-o", "/dev/null", "-f", file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Floor failed: " + String.join(" ", command));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Report

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Execution strategies (").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(")\n\n")
                .append("Options: ").append(options).append(". Each cell: median wall seconds over the rounds, the median of the ")
                .append("per-round ratios to the same round's floor, and the client thread's CPU seconds (of which splitting). One ")
                .append("transaction per run; the table exists before the clock starts.\n");
        results.forEach((engine, byScript) -> {
            List<String> scripts = new ArrayList<>(byScript.keySet());
            List<String> strategies = new ArrayList<>();
            byScript.values().forEach(m -> m.keySet().forEach(s -> {
                if (!strategies.contains(s)) {
                    strategies.add(s);
                }
            }));
            Map<String, Map<String, String>> failed = failedRuns.getOrDefault(engine, Map.of());
            failed.values().forEach(m -> m.keySet().forEach(s -> {
                if (!strategies.contains(s)) {
                    strategies.add(s);
                }
            }));
            md.append("\n### ").append(engine).append("\n\n| strategy |");
            scripts.forEach(s -> md.append(" ").append(s).append(" |"));
            md.append("\n|---|").append("---|".repeat(scripts.size())).append("\n");
            for (String strategy : strategies) {
                md.append("| ").append(strategy).append(" |");
                for (String script : scripts) {
                    List<Measure> measures = byScript.get(script).get(strategy);
                    List<Measure> floor = byScript.get(script).get("floor");
                    String why = failed.getOrDefault(script, Map.of()).get(strategy);
                    if (why != null) {
                        md.append(" fails: ").append(why.replace("|", "/")).append(" |");
                        continue;
                    }
                    if (measures == null) {
                        md.append(" not run |");
                        continue;
                    }
                    List<Double> wall = measures.stream().map(Measure::wall).toList();
                    List<Double> floorWall = floor.stream().map(Measure::wall).toList();
                    md.append(" ").append(Bench.seconds(Stats.median(wall))).append(" s");
                    if (!strategy.equals("floor")) {
                        md.append(", ").append(String.format(Locale.ROOT, "%.2fx", Stats.medianRatio(wall, floorWall)))
                                .append(String.format(Locale.ROOT, ", cpu %.2f", Stats.median(measures.stream().map(Measure::cpu).toList())));
                        double split = Stats.median(measures.stream().map(Measure::split).toList());
                        if (split > 0) {
                            md.append(String.format(Locale.ROOT, " (split %.2f)", split));
                        }
                    }
                    md.append(" |");
                }
                md.append("\n");
            }
        });
        failures.forEach((engine, byStrategy) -> {
            md.append("\n### ").append(engine).append(": does it name the failing statement, without running anything again?\n\n")
                    .append("1,500 INSERTs, then one failing statement (#1501); groups (e) hold ").append(group)
                    .append(" statements. \"yes\": the strategy itself named #1501, from the one run.\n\n| strategy |");
            List<String> kinds = new ArrayList<>(byStrategy.values().iterator().next().keySet());
            kinds.forEach(k -> md.append(" ").append(k).append(" |"));
            md.append("\n|---|").append("---|".repeat(kinds.size())).append("\n");
            byStrategy.forEach((strategy, byKind) -> {
                md.append("| ").append(strategy).append(" |");
                kinds.forEach(k -> md.append(" ").append(byKind.getOrDefault(k, "")).append(" |"));
                md.append("\n");
            });
        });
        return md.toString();
    }
}
