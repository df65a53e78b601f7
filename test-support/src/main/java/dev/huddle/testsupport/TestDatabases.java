package dev.huddle.testsupport;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, empty databases for tests; PostgreSQL ones share one server per test JVM. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile PostgresServer server;

    private TestDatabases() {
    }

    /**
     * A new empty database of the given engine. Asked for by a test, it is dropped when the test passes
     * ({@link PassedTestCleanup}); otherwise when the JVM exits.
     */
    public static TestDatabase fresh(Engine engine) {
        TestDatabase database = switch (engine) {
            case POSTGRESQL -> postgres().createDatabase(newPostgresName());
            case SQLITE -> sqlite();
        };
        PassedTestCleanup.belongsToCurrentTest(database);
        return database;
    }

    /** Waits until the drops of passed tests' databases asked for so far are done; for tests of that cleanup. */
    public static void awaitDrops() throws Exception {
        PostgresServer.awaitDrops();
    }

    /** Drops a database {@link #fresh} made, without waiting for a PostgreSQL server to do it. */
    static void dropLater(TestDatabase database) {
        switch (database.engine()) {
            case POSTGRESQL -> postgres().dropLater(database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1));
            case SQLITE -> ScratchFolder.deleteQuietly(Path.of(database.jdbcUrl().substring("jdbc:sqlite:".length())).getParent());
        }
    }

    /** A PostgreSQL database name no other database of this JVM has, naming the JVM that made it. */
    public static String newPostgresName() {
        return "huddle_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    /**
     * A new SQLite file path (not yet created) in a fresh folder of the {@link ScratchFolder}, in memory where the
     * machine has room: SQLite creates and deletes a journal file for every write transaction.
     */
    public static Path newSqliteFile() {
        return ScratchFolder.newMemorySubfolder("sqlite-").resolve("huddle.db");
    }

    private static TestDatabase sqlite() {
        String url = "jdbc:sqlite:" + newSqliteFile();
        return new TestDatabase(Engine.SQLITE, url, null, null, url);
    }

    /** The PostgreSQL server of this test JVM, started on first use. */
    public static PostgresServer postgres() {
        if (server == null) {
            synchronized (TestDatabases.class) {
                if (server == null) {
                    server = PostgresServer.start();
                    System.err.println("[huddle tests] PostgreSQL from " + server.source());
                }
            }
        }
        return server;
    }
}
