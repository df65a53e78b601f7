package dev.huddle.migration.connect;

import dev.huddle.migration.discover.Dialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database to connect to. Credentials are kept apart from the JDBC URL, so the URL can be shown and logged;
 * {@link #toString()} never includes the password.
 */
public record DatabaseTarget(Dialect dialect, String jdbcUrl, String user, String password) {
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    /** A DataSource from the driver itself; SQLite gets enforced foreign keys and its file's folder created. */
    public DataSource dataSource() {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresDriverDataSource(jdbcUrl, user, password);
            case SQLITE -> {
                // The URL's own parameters (open_mode, journal_mode, ...) go into the config: sqlite-jdbc ignores a URL
                // parameter whose property the config already sets.
                SQLiteConfig config = new SQLiteConfig(urlParameters());
                config.enforceForeignKeys(true);
                // Readers wait for a writer (another runner, the app) instead of failing with SQLITE_BUSY, and a writer
                // takes its lock when its transaction begins: upgrading a read lock later fails at once when another
                // connection already writes, however long the busy timeout.
                config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
                config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                SQLiteDataSource dataSource = new SqliteFileDataSource(config, sqliteFile());
                dataSource.setUrl(jdbcUrl);
                yield dataSource;
            }
        };
    }

    /** Opens a connection, or says plainly why not (the password never appears). */
    public Connection connect() {
        try {
            return dataSource().getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot connect to " + this + ": "
                    + Secrets.quote(e.getMessage(), password) + ". Check that the database is running, the address and "
                    + "credentials are right, and the database exists.", null);
        }
    }

    private Properties urlParameters() {
        Properties properties = new Properties();
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                if (!pair[0].isEmpty()) {
                    properties.setProperty(pair[0], pair.length > 1 ? pair[1] : "");
                }
            }
        }
        return properties;
    }

    /** The SQLite file path, or null for PostgreSQL and in-memory SQLite. */
    public Path sqliteFile() {
        return dialect == Dialect.SQLITE ? sqliteFile(jdbcUrl) : null;
    }

    /** The file a {@code jdbc:sqlite:} URL names, or null for an in-memory database. */
    public static Path sqliteFile(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
    }

    @Override
    public String toString() {
        String masked = Secrets.maskUrl(jdbcUrl);
        return user == null ? masked : masked + " as " + user;
    }
}
