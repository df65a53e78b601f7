package dev.huddle.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, empty databases for tests; PostgreSQL ones share one server per test JVM. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile PostgresServer server;

    private TestDatabases() {
    }

    /** A new empty database of the given engine. */
    public static TestDatabase fresh(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> postgres().createDatabase("huddle_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
            case SQLITE -> sqlite();
        };
    }

    /** A new SQLite file path (not yet created) in a fresh temporary folder. */
    public static Path newSqliteFile() {
        try {
            return Files.createTempDirectory("huddle-test-").resolve("huddle.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase sqlite() {
        String url = "jdbc:sqlite:" + newSqliteFile();
        return new TestDatabase(Engine.SQLITE, url, null, null, url);
    }

    private static PostgresServer postgres() {
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
