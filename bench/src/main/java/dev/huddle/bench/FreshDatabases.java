package dev.huddle.bench;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time per fresh, fully migrated database for a test, the way the test-databases extension hands them out (a clone of a
 * PostgreSQL template, a copy of a SQLite file), against migrating an empty database from scratch. Everything runs in
 * one warm JVM, as tests do; the first call, which builds the template, is reported apart. Back-to-back calls show
 * the cost of the clone itself; with a pause between calls, as tests have, PostgreSQL clones come ready from the
 * extension's background thread. PostgreSQL is the server
 * named by HUDDLE_TEST_POSTGRES_URL (bench/run.sh sets the machine's), else the tests' embedded one.
 *
 * <pre>java -cp bench/target/huddle-bench.jar dev.huddle.bench.FreshDatabases [--rounds 50] [--engines postgresql,sqlite]</pre>
 */
public final class FreshDatabases {
    /** A small database test's own time, during which the extension's background thread clones ahead. */
    private static final int TEST_MILLIS = 100;

    private FreshDatabases() {
    }

    public static void main(String[] args) throws SQLException {
        int rounds = 50;
        List<Engine> engines = List.of(Engine.values());
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--engines" -> engines = List.of(args[i + 1].split(",")).stream()
                        .map(name -> Engine.valueOf(name.toUpperCase(Locale.ROOT))).toList();
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --rounds N and --engines postgresql,sqlite");
            }
        }
        MigratedDatabases databases = MigratedDatabases.allModules();
        int migrations = Migrations.discover().plan(Dialect.POSTGRESQL).migrations().size();
        System.out.println("| " + migrations + " migrations, " + rounds + " rounds, median (min-max) | first call (builds template) "
                + "| fresh, back to back | fresh, " + TEST_MILLIS + " ms of test between calls | migrate from scratch |");
        System.out.println("|---|---|---|---|---|");
        for (Engine engine : engines) {
            List<TestDatabase> handedOut = new ArrayList<>();
            long start = System.nanoTime();
            handedOut.add(databases.fresh(engine));
            double first = millisSince(start);
            List<Double> backToBack = new ArrayList<>();
            List<Double> betweenTests = new ArrayList<>();
            List<Double> scratch = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                backToBack.add(timeFresh(databases, engine, handedOut));
            }
            for (int round = 0; round < rounds; round++) {
                sleep(TEST_MILLIS);
                betweenTests.add(timeFresh(databases, engine, handedOut));
            }
            for (TestDatabase database : handedOut) {
                drop(database);
            }
            for (int round = 0; round < rounds; round++) {
                TestDatabase empty = TestDatabases.fresh(engine);
                start = System.nanoTime();
                Migrations.discover().against(DatabaseTargets.fromUrl(empty.url())).up();
                scratch.add(millisSince(start));
                drop(empty);
            }
            String where = engine == Engine.POSTGRESQL ? " (" + TestDatabases.postgres().source() + ")" : "";
            System.out.printf(Locale.ROOT, "| %s%s | %.0f ms | %s | %s | %s |%n", engine.name().toLowerCase(Locale.ROOT), where, first,
                    spread(backToBack), spread(betweenTests), spread(scratch));
        }
    }

    /** The time one fresh() takes as the test sees it; the databases are dropped after the loop, untimed. */
    private static double timeFresh(MigratedDatabases databases, Engine engine, List<TestDatabase> handedOut) {
        long start = System.nanoTime();
        handedOut.add(databases.fresh(engine));
        return millisSince(start);
    }

    private static String spread(List<Double> millis) {
        return String.format(Locale.ROOT, "%.1f ms (%.1f-%.1f)", Stats.median(millis), Stats.min(millis), Stats.max(millis));
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void drop(TestDatabase database) throws SQLException {
        if (database.engine() == Engine.SQLITE) {
            ScratchFolder.deleteQuietly(Path.of(database.jdbcUrl().substring("jdbc:sqlite:".length())).getParent());
            return;
        }
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection admin = TestDatabases.postgres().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("drop database " + name + " with (force)");
        }
    }
}
