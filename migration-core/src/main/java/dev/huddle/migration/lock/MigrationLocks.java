package dev.huddle.migration.lock;

import dev.huddle.migration.connect.DatabaseTarget;

import java.nio.file.Path;

/**
 * SQLite's lock: a file beside the database file, and for an in-memory database, which no other process can open, a
 * lock inside this process only (no file anywhere). PostgreSQL's lock is taken on the migrating connection itself
 * ({@link PostgresAdvisoryLock}), which the session that migrates owns.
 */
public final class MigrationLocks {
    private MigrationLocks() {
    }

    /**
     * @param jdbcUrl the URL the connections report, which names the SQLite file
     */
    public static MigrationLock forSqlite(String jdbcUrl) {
        Path file = DatabaseTarget.sqliteFile(jdbcUrl);
        return file != null ? new SqliteFileLock(file) : SqliteFileLock.inProcessOnly(jdbcUrl);
    }
}
