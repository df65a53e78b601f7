package dev.huddle.migration.connect;

import dev.huddle.migration.discover.Dialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A database to connect to. Secrets are kept apart from the JDBC URL, so the URL can be shown and logged: the
 * password, and every secret URL parameter ({@link Secrets#isSecretParameter}, such as {@code sslpassword}) in
 * {@code secretParameters}, which go to the driver as connection properties. {@link #toString()} shows none of them.
 *
 * @param sqliteBusyTimeout how long a SQLite connection waits for another one's write lock before SQLITE_BUSY
 */
public record DatabaseTarget(Dialect dialect, String jdbcUrl, String user, String password, Map<String, String> secretParameters,
                             Duration sqliteBusyTimeout) {
    /** How long SQLite waits for another connection's write lock when the caller does not say. */
    public static final Duration DEFAULT_SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseTarget {
        secretParameters = secretParameters == null ? Map.of() : Map.copyOf(secretParameters);
        sqliteBusyTimeout = sqliteBusyTimeout == null ? DEFAULT_SQLITE_BUSY_TIMEOUT : sqliteBusyTimeout;
    }

    /** A target with the default busy timeout. */
    public DatabaseTarget(Dialect dialect, String jdbcUrl, String user, String password, Map<String, String> secretParameters) {
        this(dialect, jdbcUrl, user, password, secretParameters, DEFAULT_SQLITE_BUSY_TIMEOUT);
    }

    /** A target whose URL carries no secret parameters, with the default busy timeout. */
    public DatabaseTarget(Dialect dialect, String jdbcUrl, String user, String password) {
        this(dialect, jdbcUrl, user, password, Map.of());
    }

    /** This target with SQLite waiting {@code busyTimeout} for a busy database, in {@link #dataSource()} and {@link #connect()}. */
    public DatabaseTarget withSqliteBusyTimeout(Duration busyTimeout) {
        return new DatabaseTarget(dialect, jdbcUrl, user, password, secretParameters, busyTimeout);
    }

    /** As {@link #dataSource(Duration)} with this target's {@link #sqliteBusyTimeout()}. */
    public DataSource dataSource() {
        return dataSource(sqliteBusyTimeout);
    }

    /**
     * A DataSource from the driver itself. PostgreSQL gets {@link PostgresTimeouts} unless the URL sets its own. SQLite
     * gets enforced foreign keys, its file's folder and the file itself created owner-only, and waits up to
     * {@code busyTimeout} for another connection's write lock before failing with SQLITE_BUSY.
     */
    public DataSource dataSource(Duration busyTimeout) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresDriverDataSource(jdbcUrl, user, password, secretParameters);
            case SQLITE -> {
                // The URL's own parameters (open_mode, journal_mode, ...) go into the config: sqlite-jdbc ignores a URL
                // parameter whose property the config already sets.
                Properties parameters = urlParameters();
                SQLiteConfig config = new SQLiteConfig(parameters);
                config.enforceForeignKeys(true);
                // Readers wait for a writer (another runner, the app) instead of failing with SQLITE_BUSY, and a writer
                // takes its lock when its transaction begins: upgrading a read lock later fails at once when another
                // connection already writes, however long the busy timeout.
                config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, busyTimeout.toMillis())));
                config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                SqliteFileDataSource dataSource = new SqliteFileDataSource(config, sqliteFile(), mayCreateFile(config, parameters));
                dataSource.setUrl(jdbcUrl);
                yield dataSource;
            }
        };
    }

    /** Opens a connection, or says plainly why not (no secret appears). */
    public Connection connect() {
        return connect(dataSource());
    }

    /**
     * Opens connections as {@link #connect()} does, all from one DataSource. SQLite's is built now, on the caller's
     * thread: it costs the driver's date formats, which a command should pay once and before it plans, not while its
     * first session opens alongside the planning. PostgreSQL's is built by the first connection, on the thread that
     * opens it: it loads the driver, which cost the runner's main thread 30-45 ms of CPU (measured under load) before it
     * could start planning and the session could start opening.
     */
    public Supplier<Connection> connector() {
        if (dialect == Dialect.SQLITE) {
            DataSource dataSource = dataSource();
            return () -> connect(dataSource);
        }
        return new Supplier<>() {
            private DataSource dataSource;

            @Override
            public synchronized Connection get() {
                if (dataSource == null) {
                    dataSource = dataSource();
                }
                return connect(dataSource);
            }
        };
    }

    private Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw ConnectFailures.of(e, toString(), secrets());
        }
    }

    /** The password and every secret parameter's value: what no message may show. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(secretParameters.values());
        if (password != null) {
            secrets.add(password);
        }
        return secrets;
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

    /** Whether opening may create the file: not when the URL opens it read-only or read-write without create. */
    private static boolean mayCreateFile(SQLiteConfig config, Properties parameters) {
        String mode = parameters.getProperty("mode", "").toLowerCase(Locale.ROOT);
        return (config.getOpenModeFlags() & SQLiteOpenMode.CREATE.flag) != 0 && !mode.equals("ro") && !mode.equals("rw");
    }

    /**
     * Whether this SQLite file does not exist yet but could: connecting would create it. False for null (no file), a
     * file that exists, and a path under a regular file, which can never be created and whose connection says why.
     */
    public static boolean isNotYetCreated(Path sqliteFile) {
        if (sqliteFile == null || Files.exists(sqliteFile)) {
            return false;
        }
        Path existing = sqliteFile.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null || Files.isDirectory(existing);
    }

    /** The SQLite file path, or null for PostgreSQL and in-memory SQLite. */
    public Path sqliteFile() {
        return dialect == Dialect.SQLITE ? sqliteFile(jdbcUrl) : null;
    }

    /**
     * The file a {@code jdbc:sqlite:} URL names, or null for an in-memory database: an empty path, {@code :memory:},
     * {@code file::memory:} and a {@code file:} URI with {@code mode=memory}.
     */
    public static Path sqliteFile(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        String parameters = query >= 0 ? path.substring(query + 1) : "";
        path = query >= 0 ? path.substring(0, query) : path;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
            for (String parameter : parameters.split("&")) {
                if (parameter.equalsIgnoreCase("mode=memory")) {
                    return null;
                }
            }
        }
        return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
    }

    @Override
    public String toString() {
        String masked = Secrets.maskUrl(jdbcUrl);
        return user == null ? masked : masked + " as " + user;
    }
}
