package dev.huddle.migration.lock;

import dev.huddle.migration.connect.DatabaseTarget;

import java.nio.file.Path;

/**
 * SQLite's lock, a file beside the database file. PostgreSQL's lock is taken on the migrating connection itself
 * ({@link PostgresAdvisoryLock}), which the session that migrates owns.
 */
public final class MigrationLocks {
    private MigrationLocks() {
    }

    /**
     * @param jdbcUrl the URL the connections report, which names the SQLite file
     */
    public static MigrationLock forSqlite(String jdbcUrl) {
        return new SqliteFileLock(sqliteFile(jdbcUrl));
    }

    /** The database file of a SQLite URL; an in-memory database gets a lock private to this process. */
    static Path sqliteFile(String jdbcUrl) {
        Path file = DatabaseTarget.sqliteFile(jdbcUrl);
        return file != null ? file : Path.of(System.getProperty("java.io.tmpdir"), "huddle-in-memory-" + ProcessHandle.current().pid());
    }
}
