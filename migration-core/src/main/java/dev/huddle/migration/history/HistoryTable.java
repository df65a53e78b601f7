package dev.huddle.migration.history;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The single history of every module's migrations, in Flyway's schema-history format under the name
 * {@value #NAME}. A successful row means its migration is applied. Flyway adds rows as it applies migrations;
 * this class reads them and is the only code that removes one, when a rollback step commits.
 */
public final class HistoryTable {
    public static final String NAME = "huddle_schema_history";

    private HistoryTable() {
    }

    /** Whether the history table exists in the connection's current schema. */
    public static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), NAME, null)) {
            return tables.next();
        }
    }

    /** Every versioned row, in the order it was installed; empty when the table does not exist yet. */
    public static List<AppliedMigration> read(Connection connection) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        if (!exists(connection)) {
            return rows;
        }
        String sql = "select installed_rank, version, description, script, checksum, installed_on, execution_time, success from "
                + NAME + " where version is not null order by installed_rank";
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                Integer checksum = resultSet.getInt(5);
                if (resultSet.wasNull()) {
                    checksum = null;
                }
                rows.add(new AppliedMigration(resultSet.getInt(1), resultSet.getString(2), resultSet.getString(3),
                        resultSet.getString(4), checksum, installedOn(resultSet), resultSet.getInt(7), resultSet.getBoolean(8)));
            }
        }
        return rows;
    }

    /**
     * Removes the row of a rolled-back migration, inside the caller's transaction so that the row and the schema
     * change commit or roll back together.
     *
     * @throws SQLException also when no row had that version: the caller's transaction must then roll back
     */
    public static void delete(Connection connection, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + NAME + " where version = ?")) {
            statement.setString(1, version);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the history has no row for version " + version + " any more; another runner may have rolled it back");
            }
        }
    }

    /** SQLite keeps the time as text ("2025-06-15 05:18:28"), PostgreSQL as a timestamp; both are UTC here. */
    private static Instant installedOn(ResultSet resultSet) throws SQLException {
        Object value = resultSet.getObject(6);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value == null) {
            return null;
        }
        String text = value.toString().replace(' ', 'T');
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
