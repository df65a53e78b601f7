package dev.huddle.migration.lock;

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
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.isEmpty() || path.startsWith(":memory:")) {
            return Path.of(System.getProperty("java.io.tmpdir"), "huddle-in-memory-" + ProcessHandle.current().pid());
        }
        return Path.of(path);
    }
}
