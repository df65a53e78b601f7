package dev.huddle.migration.session;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a command's sessions come from, a database named by URL or a DataSource the caller pooled, and what every
 * session needs to know about it.
 *
 * @param dialect    the dialect when the URL tells it, null for a pooled DataSource (the first session asks)
 * @param secrets    what no message may show; empty for a pooled DataSource, whose connections the caller configured
 * @param sqliteFile the SQLite file a URL names, null otherwise
 */
public record SessionSource(DatabaseSession.Connector connector, Dialect dialect, String description, List<String> secrets,
                            Path sqliteFile, String historySchema) {

    public static SessionSource of(DatabaseTarget target, String historySchema) {
        Supplier<Connection> connector = target.connector();
        return new SessionSource(connector::get, target.dialect(), target.toString(), target.secrets(), target.sqliteFile(),
                historySchema);
    }

    public static SessionSource pooled(DataSource dataSource, String description, String historySchema) {
        return new SessionSource(DatabaseSession.pooled(dataSource, description), null, description, List.of(), null, historySchema);
    }

    /**
     * @param knownDialect the dialect a previous session found, or null
     */
    public DatabaseSession open(Dialect knownDialect) {
        return DatabaseSession.open(connector, dialect != null ? dialect : knownDialect, historySchema, description, secrets);
    }

    /** Whether the database is a SQLite file that does not exist yet ({@link DatabaseTarget#isNotYetCreated}). */
    public boolean databaseMissing() {
        return dialect == Dialect.SQLITE && DatabaseTarget.isNotYetCreated(sqliteFile);
    }

    /**
     * Whether a session may open before planning has passed: not for a SQLite URL whose file does not exist yet, since
     * connecting would create it even when planning then refuses. A pooled DataSource's database exists: the app made it.
     */
    public boolean mayOpenBeforePlanning() {
        return dialect != Dialect.SQLITE || (sqliteFile != null && Files.isRegularFile(sqliteFile));
    }
}
