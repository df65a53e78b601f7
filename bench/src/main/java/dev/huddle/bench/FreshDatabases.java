package dev.huddle.bench;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTargets;
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
 * one warm JVM, as tests do; the first call, which builds the template, is reported apart. PostgreSQL is the server
 * named by HUDDLE_TEST_POSTGRES_URL (bench/run.sh sets the machine's), else the tests' embedded one.
 *
 * <pre>java -cp bench/target/huddle-bench.jar dev.huddle.bench.FreshDatabases [--rounds 50] [--engines postgresql,sqlite]</pre>
 */
public final class FreshDatabases {
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
        int migrations = Migrations.discover().plan(dev.huddle.migration.discover.Dialect.POSTGRESQL).migrations().size();
        System.out.println("| engine (" + migrations + " migrations, " + rounds + " rounds) | first call (builds template) "
                + "| fresh database, median | min | max | migrate from scratch, median | min | max |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Engine engine : engines) {
            long start = System.nanoTime();
            drop(databases.fresh(engine));
            double first = millisSince(start);
            List<Double> clones = new ArrayList<>();
            List<Double> scratch = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                start = System.nanoTime();
                TestDatabase clone = databases.fresh(engine);
                clones.add(millisSince(start));
                drop(clone);

                TestDatabase empty = TestDatabases.fresh(engine);
                start = System.nanoTime();
                Migrations.discover().against(DatabaseTargets.fromUrl(empty.url())).up();
                scratch.add(millisSince(start));
                drop(empty);
            }
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.1f ms | %.1f | %.1f | %.1f ms | %.1f | %.1f |%n", engine.name().toLowerCase(Locale.ROOT),
                    first, Stats.median(clones), Stats.min(clones), Stats.max(clones),
                    Stats.median(scratch), Stats.min(scratch), Stats.max(scratch));
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
