package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.Secrets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.DatabaseCheck;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Freshly migrated databases for tests, in milliseconds. Register it on a static field and ask for a database of an
 * engine as often as a test needs one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MigratedDatabases DATABASES = MigratedDatabases.withModules("meetings");
 *
 * TestDatabase db = DATABASES.fresh(Engine.POSTGRESQL);
 * }</pre>
 *
 * <p>Each database has the named modules' migrations applied, with the modules they depend on. PostgreSQL databases are
 * cloned ({@code CREATE DATABASE ... TEMPLATE}) from a template built once per plan and server ({@link PostgresTemplate});
 * SQLite ones are copies of a file migrated once per plan and JVM ({@link SqliteTemplate}).
 *
 * <p>After a test passes, the databases it got are dropped. After it fails they are kept and named on standard error:
 * a PostgreSQL database by its URL (password masked), a SQLite file moved to {@code target/failed-test-databases/}
 * because the scratch folder it lived in is deleted at exit. Databases asked for outside a test (in {@code @BeforeAll}
 * or from another thread) belong to the test class and are dropped after its last test, unless one of its tests failed.
 */
public final class MigratedDatabases implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    /** Where a failed test's SQLite files are kept, relative to the module a test runs in. */
    static final Path KEPT_SQLITE_FOLDER = Path.of("target", "failed-test-databases");

    private final Migrations migrations;
    private final List<String> modules;
    private final Map<Dialect, PlanFingerprint> fingerprints = new EnumMap<>(Dialect.class);
    private final ThreadLocal<List<TestDatabase>> currentTest = new ThreadLocal<>();
    private final List<TestDatabase> classLevel = new ArrayList<>();
    private volatile boolean aTestFailed;

    private MigratedDatabases(Migrations migrations, List<String> modules) {
        this.migrations = migrations;
        this.modules = List.copyOf(modules);
    }

    /** The named modules of the class path and every module they depend on. */
    public static MigratedDatabases withModules(String... modules) {
        if (modules.length == 0) {
            throw new IllegalArgumentException("Name at least one module, or use MigratedDatabases.allModules() for the whole history.");
        }
        return new MigratedDatabases(Migrations.discover(), List.of(modules));
    }

    /** Every module on the class path: the whole history the app runs. */
    public static MigratedDatabases allModules() {
        return new MigratedDatabases(Migrations.discover(), List.of());
    }

    /** The named modules (all when none are named) of modules the caller found, e.g. in a fixture folder. */
    public static MigratedDatabases of(Migrations migrations, String... modules) {
        return new MigratedDatabases(migrations, List.of(modules));
    }

    /** A new database of the engine with every migration of the plan applied; nothing else has seen it. */
    public TestDatabase fresh(Engine engine) {
        PlanFingerprint fingerprint = fingerprint(engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.SQLITE);
        TestDatabase database = switch (engine) {
            case POSTGRESQL -> Templates.postgres(migrations, fingerprint).fresh();
            case SQLITE -> Templates.sqlite(migrations, fingerprint).fresh();
        };
        List<TestDatabase> owner = currentTest.get();
        if (owner != null) {
            owner.add(database);
        } else {
            synchronized (classLevel) {
                classLevel.add(database);
            }
        }
        return database;
    }

    /** Runs the check against a fresh database of the engine, on one connection. */
    public void check(Engine engine, DatabaseCheck check) throws SQLException {
        DatabaseCheck.run(fresh(engine), check);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        currentTest.set(new ArrayList<>());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<TestDatabase> databases = currentTest.get();
        currentTest.remove();
        if (databases == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            aTestFailed = true;
            String method = context.getRequiredTestMethod().getName();
            String display = context.getDisplayName();
            String test = context.getRequiredTestClass().getSimpleName() + "."
                    + (display.startsWith(method) ? display : method + " " + display);
            databases.forEach(database -> keep(database, test));
        } else {
            databases.forEach(this::drop);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // A @Nested class ends before its enclosing class's last test: the class's databases outlive it.
        if (context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            return;
        }
        List<TestDatabase> databases;
        synchronized (classLevel) {
            databases = List.copyOf(classLevel);
            classLevel.clear();
        }
        if (aTestFailed || context.getExecutionException().isPresent()) {
            databases.forEach(database -> keep(database, context.getDisplayName()));
        } else {
            databases.forEach(this::drop);
        }
    }

    private PlanFingerprint fingerprint(Dialect dialect) {
        synchronized (fingerprints) {
            return fingerprints.computeIfAbsent(dialect, d -> PlanFingerprint.of(migrations, modules, d));
        }
    }

    private void drop(TestDatabase database) {
        switch (database.engine()) {
            case POSTGRESQL -> Templates.postgres(migrations, fingerprint(Dialect.POSTGRESQL)).drop(database);
            case SQLITE -> ScratchFolder.deleteQuietly(SqliteTemplate.fileOf(database).getParent());
        }
    }

    private static void keep(TestDatabase database, String test) {
        String where = switch (database.engine()) {
            case POSTGRESQL -> Secrets.maskUrl(database.url());
            case SQLITE -> moveOutOfScratch(SqliteTemplate.fileOf(database)).toString();
        };
        System.err.println("[huddle tests] " + test + " failed; its " + database + " database is kept for a look: " + where);
    }

    private static Path moveOutOfScratch(Path file) {
        Path folder = file.getParent();
        try {
            Path kept = Files.createDirectories(KEPT_SQLITE_FOLDER.resolve(folder.getFileName())).toAbsolutePath();
            // The scratch folder may be in memory and the kept one on disk: files are moved one by one, which works
            // across file systems where moving a folder does not.
            try (Stream<Path> files = Files.list(folder)) {
                for (Path each : files.toList()) {
                    Files.move(each, kept.resolve(each.getFileName()));
                }
            }
            Files.delete(folder);
            return kept.resolve(file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the failed test's SQLite database " + file + " in " + KEPT_SQLITE_FOLDER
                    + ": " + e.getMessage(), e);
        }
    }
}
