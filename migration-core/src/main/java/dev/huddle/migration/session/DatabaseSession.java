package dev.huddle.migration.session;

import dev.huddle.migration.connect.ConnectFailures;
import dev.huddle.migration.connect.Secrets;
import dev.huddle.migration.connect.SqliteWritability;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.UnsupportedDatabaseException;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.lock.MigrationLock;
import dev.huddle.migration.lock.MigrationLocks;
import dev.huddle.migration.lock.PostgresAdvisoryLock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * One command's connection to its database. The same connection takes the migration lock, reads the history, applies
 * or reverts scripts and writes their history rows: on PostgreSQL the advisory lock belongs to the server session
 * that commits, so a session that ends takes its uncommitted work with it and can never commit unlocked.
 *
 * <p>It also remembers what a script may change for the rest of the session: PostgreSQL's {@code search_path} and
 * role are put back after every migration ({@link #restoreSettings}), so one script's {@code SET} never leaks into
 * the next script or into the history write.
 */
public final class DatabaseSession implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private final String description;
    private final Collection<String> secrets;
    private final HistoryTable history;
    private final String installedBy;
    private final String searchPath;
    private final String role;

    private DatabaseSession(Connection connection, Dialect dialect, String description, Collection<String> secrets,
                            HistoryTable history, String installedBy, String searchPath, String role) {
        this.connection = connection;
        this.dialect = dialect;
        this.description = description;
        this.secrets = List.copyOf(secrets);
        this.history = history;
        this.installedBy = installedBy;
        this.searchPath = searchPath;
        this.role = role;
    }

    /**
     * Connects and reads what the session must restore later.
     *
     * @param connector     opens the connection, or throws {@link DatabaseUnreachableException} saying why not
     * @param dialect       the database's dialect when the URL told it, else null to ask the connection
     * @param historySchema the schema of the history table, or null for the connection's current schema
     * @param secrets       what no message may show (passwords, secret URL parameters); empty for a pooled DataSource
     */
    public static DatabaseSession open(Connector connector, Dialect dialect, String historySchema, String description,
                                       Collection<String> secrets) {
        Connection connection = connector.open();
        try {
            connection.setAutoCommit(true);
            Dialect actual = dialect != null ? dialect : dialectOf(connection);
            if (actual == Dialect.SQLITE) {
                return new DatabaseSession(connection, actual, description, secrets, new HistoryTable(actual, "main"), "", null, null);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet settings = statement.executeQuery(
                         "select current_schema(), current_user, current_setting('search_path'), current_setting('role')")) {
                settings.next();
                String schema = historySchema != null ? historySchema : settings.getString(1);
                if (schema == null) {
                    throw new DatabaseUnreachableException("No schema of " + description + "'s search_path ("
                            + settings.getString(3) + ") exists, so Huddle does not know where its history table belongs. "
                            + "Create the schema, fix the user's search_path, or name the schema with --history-schema "
                            + "(huddle.migration.history-schema).", null);
                }
                return new DatabaseSession(connection, actual, description, secrets, new HistoryTable(actual, schema),
                        settings.getString(2), settings.getString(3), settings.getString(4));
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof SQLException sql ? unreachable(sql, description, secrets) : (RuntimeException) e;
        }
    }

    /** Opens a pooled DataSource's connection, naming the database and the driver's deepest reason when it cannot. */
    public static Connector pooled(DataSource dataSource, String description) {
        return () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw unreachable(e, description, List.of());
            }
        };
    }

    /** How a session gets its connection. */
    @FunctionalInterface
    public interface Connector {
        /**
         * @throws DatabaseUnreachableException naming the database and why it cannot be reached
         */
        Connection open();
    }

    private static Dialect dialectOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return Dialect.ofProductName(product)
                .orElseThrow(() -> new UnsupportedDatabaseException(product));
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The database as messages name it, without a password. */
    public String description() {
        return description;
    }

    public HistoryTable history() {
        return history;
    }

    /** The user history rows name as the one who applied them; empty on SQLite, which has no users. */
    public String installedBy() {
        return installedBy;
    }

    /** Every versioned history row, in installed order; empty before the first migration. */
    public List<AppliedMigration> readHistory() {
        try {
            return history.read(connection);
        } catch (SQLException e) {
            throw failure("Cannot read " + history.qualifiedName(), e);
        }
    }

    /**
     * Takes this database's migration lock for the rest of the command, then makes sure a SQLite file can be written
     * at all. The probe writes, so it runs only under the lock, where it cannot stall another runner's migration.
     */
    public MigrationLock.Held lock(Duration timeout) {
        if (dialect == Dialect.POSTGRESQL) {
            return new PostgresAdvisoryLock(connection, description).acquire(timeout);
        }
        String url;
        try {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw failure("Cannot read the SQLite file name", e);
        }
        MigrationLock.Held held = MigrationLocks.forSqlite(url).acquire(timeout);
        try {
            SqliteWritability.check(connection, description);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    /**
     * The statement {@link #restoreSettings} runs, as SQL text that can travel in a script's last round trip; null on
     * SQLite, which has nothing to restore. E-strings keep it valid whatever a script set
     * {@code standard_conforming_strings} to.
     */
    public String restoreSettingsSql() {
        if (dialect != Dialect.POSTGRESQL) {
            return null;
        }
        return "select set_config('search_path', " + literal(searchPath) + ", false), set_config('role', " + literal(role) + ", false)";
    }

    private static String literal(String value) {
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * Puts back PostgreSQL's {@code search_path} and role as they were when the session opened; called after every
     * migration, inside its transaction, before its history row is written.
     */
    public void restoreSettings() throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('search_path', ?, false), set_config('role', ?, false)")) {
            statement.setString(1, searchPath);
            statement.setString(2, role);
            statement.execute();
        }
    }

    /** A failure of this session's connection, named with the database and the driver's deepest reason. */
    public DatabaseUnreachableException failure(String what, SQLException e) {
        return new DatabaseUnreachableException(what + " on " + description + ": " + reason(e, secrets) + ".", e);
    }

    /** Names the database and the actual cause: a pool's "timed out" hides the driver's "connection refused". */
    private static DatabaseUnreachableException unreachable(SQLException e, String description, Collection<String> secrets) {
        return ConnectFailures.of(e, description, secrets);
    }

    private static String reason(SQLException e, Collection<String> secrets) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = Secrets.maskedDriverMessage(e.getMessage(), secrets);
        if (root != e && root.getMessage() != null) {
            why += " (" + Secrets.maskedDriverMessage(root.getMessage(), secrets) + ")";
        }
        return why;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing of this session is left to save.
        }
    }
}
