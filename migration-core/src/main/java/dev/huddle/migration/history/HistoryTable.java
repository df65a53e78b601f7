package dev.huddle.migration.history;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.NewerHistoryFormatException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The single history of every module's migrations, in Flyway's schema-history format under the name
 * {@value #NAME}, so Flyway's own tools can still read it. A successful row means its migration is applied. This
 * class is the only code that writes the table: it creates it, adds rows in the transaction that applies their
 * migrations, removes a row in the transaction that rolls its migration back, and applies the repairs a person asks for.
 *
 * <p>Every statement names the table with its schema: a script that changes {@code search_path} must not make the
 * history write land in (or fail to find) another schema's table.
 *
 * <p>Longer than most files on purpose: it is the one writer of the table, so its DDL for both dialects, its reads and
 * every write live here together.
 */
public final class HistoryTable {
    public static final String NAME = "huddle_schema_history";
    /** Flyway's schema-history columns: the whole format this Huddle reads and writes. */
    private static final Set<String> KNOWN_COLUMNS = Set.of("installed_rank", "version", "description", "type", "script",
            "checksum", "installed_by", "installed_on", "execution_time", "success");
    /**
     * The {@code type} of a row that records an adopted migration: Flyway's own marker for a schema that existed before
     * the history, so Flyway's tools still read the table.
     */
    public static final String ADOPTED_TYPE = "BASELINE";
    /** PostgreSQL's undefined_table and invalid_schema_name: the table is not there (yet). */
    private static final Set<String> MISSING_STATES = Set.of("42P01", "3F000");

    private final Dialect dialect;
    private final String schema;
    private final String qualifiedName;

    /**
     * @param schema the schema that holds the table; SQLite has only {@code main}
     */
    public HistoryTable(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = dialect == Dialect.SQLITE ? "main" : schema;
        this.qualifiedName = quote(this.schema) + "." + quote(NAME);
    }

    /** The table in the connection's current schema, where a session looks when no schema is configured. */
    public static HistoryTable inCurrentSchema(Connection connection, Dialect dialect) throws SQLException {
        return new HistoryTable(dialect, dialect == Dialect.SQLITE ? "main" : connection.getSchema());
    }

    /** The table's name as every statement writes it: {@code "schema"."huddle_schema_history"}. */
    public String qualifiedName() {
        return qualifiedName;
    }

    public String schema() {
        return schema;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A row to add for a migration just applied (or, outside a transaction, failed). */
    public record NewRow(String version, String description, String script, int checksum, int executionTimeMillis,
                         boolean success) {
    }

    /**
     * Creates the table as Flyway 10 would, in the caller's transaction, unless it exists; on PostgreSQL also its
     * schema, when a configured one does not exist yet.
     */
    public void createIfMissing(Connection connection) throws SQLException {
        if (exists(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL && !schemaExists(connection)) {
                statement.execute("CREATE SCHEMA " + quote(schema));
            }
            for (String ddl : createStatements()) {
                statement.execute(ddl);
            }
        }
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Flyway's own DDL for each dialect, so a table created by either is the same table. */
    private List<String> createStatements() {
        String columns = " (\n"
                + "    \"installed_rank\" INT NOT NULL" + (dialect == Dialect.SQLITE ? " PRIMARY KEY" : "") + ",\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" " + (dialect == Dialect.SQLITE ? "INT" : "INTEGER") + ",\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + (dialect == Dialect.SQLITE
                        ? "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
                        : "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n")
                + "    \"execution_time\" " + (dialect == Dialect.SQLITE ? "INT" : "INTEGER") + " NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL\n)";
        if (dialect == Dialect.SQLITE) {
            return List.of("CREATE TABLE " + qualifiedName + columns,
                    "CREATE INDEX " + quote(schema) + "." + quote(NAME + "_s_idx") + " ON " + quote(NAME) + " (\"success\")");
        }
        return List.of("CREATE TABLE " + qualifiedName + columns,
                "ALTER TABLE " + qualifiedName + " ADD CONSTRAINT " + quote(NAME + "_pk") + " PRIMARY KEY (\"installed_rank\")",
                "CREATE INDEX " + quote(NAME + "_s_idx") + " ON " + qualifiedName + " (\"success\")");
    }

    /** Adds rows after the last installed rank, in one batch, in the caller's transaction. */
    public void insert(Connection connection, List<NewRow> rows, String installedBy) throws SQLException {
        insert(connection, rows, installedBy, "SQL");
    }

    /**
     * Adds rows of migrations adopted on a database whose schema already had them ({@code baseline}, {@code import}):
     * applied from now on, never run here, marked {@value #ADOPTED_TYPE}.
     */
    public void insertAdopted(Connection connection, List<NewRow> rows, String installedBy) throws SQLException {
        insert(connection, rows, installedBy, ADOPTED_TYPE);
    }

    private void insert(Connection connection, List<NewRow> rows, String installedBy, String type) throws SQLException {
        int rank;
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("select coalesce(max(installed_rank), 0) from " + qualifiedName)) {
            max.next();
            rank = max.getInt(1);
        }
        String sql = "insert into " + qualifiedName + " (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (NewRow row : rows) {
                insert.setInt(1, ++rank);
                insert.setString(2, row.version());
                insert.setString(3, row.description());
                insert.setString(4, type);
                insert.setString(5, row.script());
                insert.setInt(6, row.checksum());
                insert.setString(7, installedBy);
                insert.setInt(8, row.executionTimeMillis());
                insert.setBoolean(9, row.success());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether the table exists; asks the catalog, so it is safe inside a transaction. */
    public boolean exists(Connection connection) throws SQLException {
        String sql = dialect == Dialect.SQLITE
                ? "select count(*) from \"main\".sqlite_master where type = 'table' and name = ?"
                : "select count(*) from pg_tables where schemaname = ? and tablename = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (dialect == Dialect.SQLITE) {
                statement.setString(1, NAME);
            } else {
                statement.setString(1, schema);
                statement.setString(2, NAME);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }

    /**
     * Every versioned row, in the order it was installed; empty when the table does not exist yet.
     *
     * @throws NewerHistoryFormatException when the table has columns this Huddle does not know
     */
    public List<AppliedMigration> read(Connection connection) throws SQLException {
        // One round trip at every start: the table is read directly, and a failure that says it is missing means it is
        // not there yet, even if another runner has created it since. Inside a transaction a failed statement would
        // abort it, so there the catalog is asked first.
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit && !exists(connection)) {
            return new ArrayList<>();
        }
        String sql = "select * from " + qualifiedName + " where version is not null order by installed_rank";
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            refuseUnknownColumns(resultSet.getMetaData());
            List<AppliedMigration> rows = new ArrayList<>();
            while (resultSet.next()) {
                Integer checksum = resultSet.getInt("checksum");
                if (resultSet.wasNull()) {
                    checksum = null;
                }
                rows.add(new AppliedMigration(resultSet.getInt("installed_rank"), resultSet.getString("version"),
                        resultSet.getString("description"), resultSet.getString("script"), checksum, installedOn(resultSet),
                        resultSet.getInt("execution_time"), resultSet.getBoolean("success"), ADOPTED_TYPE.equals(resultSet.getString("type"))));
            }
            return rows;
        } catch (SQLException e) {
            if (autoCommit && (saysTableMissing(e) || !exists(connection))) {
                return new ArrayList<>();
            }
            throw e;
        }
    }

    private static boolean saysTableMissing(SQLException e) {
        return (e.getSQLState() != null && MISSING_STATES.contains(e.getSQLState())) || String.valueOf(e.getMessage()).contains("no such table");
    }

    /**
     * Removes the row of a rolled-back migration, inside the caller's transaction so that the row and the schema
     * change commit or roll back together.
     *
     * @throws SQLException also when no row had that version: the caller's transaction must then roll back
     */
    public void delete(Connection connection, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + qualifiedName + " where version = ?")) {
            statement.setString(1, version);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the history has no row for version " + version + " any more; another runner may have rolled it back");
            }
        }
    }

    private static void refuseUnknownColumns(ResultSetMetaData columns) throws SQLException {
        Set<String> unknown = new TreeSet<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String column = columns.getColumnName(i).toLowerCase(Locale.ROOT);
            if (!KNOWN_COLUMNS.contains(column)) {
                unknown.add(column);
            }
        }
        if (!unknown.isEmpty()) {
            throw new NewerHistoryFormatException(unknown);
        }
    }

    /** Records the script's current checksum for an applied migration, when a person accepted an edit ({@code repair}). */
    public void updateChecksum(Connection connection, String version, int checksum) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update " + qualifiedName + " set checksum = ? where version = ?")) {
            statement.setInt(1, checksum);
            statement.setString(2, version);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the history has no row for version " + version);
            }
        }
    }

    /** Removes the row of a migration that failed midway, once a person has cleaned up after it ({@code repair}). */
    public void deleteFailed(Connection connection, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + qualifiedName + " where version = ? and success = ?")) {
            statement.setString(1, version);
            statement.setBoolean(2, false);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the history has no failed row for version " + version);
            }
        }
    }

    /** SQLite keeps the time as text ("2025-06-15 05:18:28.123"), PostgreSQL as a timestamp; both are UTC here. */
    private static Instant installedOn(ResultSet resultSet) throws SQLException {
        Object value = resultSet.getObject("installed_on");
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value == null ? null : parseUtc(value.toString());
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[.fraction]} (or with a {@code T}) as a UTC instant, null when it is not that. Read by
     * hand: every start reads every row, and a date parser costs more than the whole read.
     */
    static Instant parseUtc(String text) {
        if (text.length() < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T')) {
            return null;
        }
        try {
            int nanos = 0;
            if (text.length() > 20 && text.charAt(19) == '.') {
                String fraction = (text.substring(20) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            return LocalDateTime.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10),
                    Integer.parseInt(text, 11, 13, 10), Integer.parseInt(text, 14, 16, 10), Integer.parseInt(text, 17, 19, 10), nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
