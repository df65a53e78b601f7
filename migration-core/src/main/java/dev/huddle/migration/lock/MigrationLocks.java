package dev.huddle.migration.lock;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The right lock for a database: advisory on PostgreSQL, a file beside the database file on SQLite, and for an
 * in-memory SQLite database, which no other process can open, a lock inside this process only (no file anywhere).
 */
public final class MigrationLocks {
    private MigrationLocks() {
    }

    /**
     * @param jdbcUrl the URL the connections report, which names the SQLite file
     */
    public static MigrationLock forDatabase(Dialect dialect, DataSource dataSource, String jdbcUrl, String description) {
        if (dialect == Dialect.POSTGRESQL) {
            return new PostgresAdvisoryLock(dataSource, description);
        }
        Path file = DatabaseTarget.sqliteFile(jdbcUrl);
        return file != null ? new SqliteFileLock(file) : SqliteFileLock.inProcessOnly(jdbcUrl);
    }
}
