package dev.huddle.migration.lock;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The right lock for a database: advisory on PostgreSQL, a file beside the database file on SQLite. */
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
        return new SqliteFileLock(sqliteFile(jdbcUrl));
    }

    /** The database file of a SQLite URL; an in-memory database gets a lock private to this process. */
    static Path sqliteFile(String jdbcUrl) {
        Path file = DatabaseTarget.sqliteFile(jdbcUrl);
        return file != null ? file : Path.of(System.getProperty("java.io.tmpdir"), "huddle-in-memory-" + ProcessHandle.current().pid());
    }
}
