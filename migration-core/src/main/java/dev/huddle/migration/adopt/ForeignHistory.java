package dev.huddle.migration.adopt;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.AdoptionRefusedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The history table another migration tool keeps, read as the names of the migrations it ran, in the order it ran
 * them. Each tool's table is read in the connection's current schema, where the tool keeps it by default.
 */
public enum ForeignHistory {
    /** node-pg-migrate: {@code pgmigrations(id, name, run_on)}, a name being the file name without its extension. */
    PGMIGRATIONS("pgmigrations", "node-pg-migrate", "select name from \"pgmigrations\" order by run_on, id"),
    /** Sequelize: {@code SequelizeMeta(name)}, a name being the migration's file name ({@code ...-create-users.js}). */
    SEQUELIZE("SequelizeMeta", "Sequelize", "select name from \"SequelizeMeta\" order by name"),
    /**
     * Flyway: {@code flyway_schema_history}, named by each row's script ({@code V1__init.sql}); its schema-creation
     * marker is no migration. A failed row is refused: Flyway itself must repair it first.
     */
    FLYWAY("flyway_schema_history", "Flyway", "select script, success from \"flyway_schema_history\" where type <> 'SCHEMA'"
            + " order by installed_rank");

    private final String table;
    private final String tool;
    private final String query;

    ForeignHistory(String table, String tool, String query) {
        this.table = table;
        this.tool = tool;
        this.query = query;
    }

    /** The {@code --from} word for this tool. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String table() {
        return table;
    }

    /**
     * The names of the migrations the tool recorded as run.
     *
     * @throws AdoptionRefusedException when the table is not there or Flyway recorded a failure
     */
    public List<String> names(Connection connection, Dialect dialect) throws SQLException {
        if (!exists(connection, dialect)) {
            throw new AdoptionRefusedException("The database has no " + table + " table, so " + tool + " never recorded a migration "
                    + "in its current schema.", "Point --url at the database (and schema) " + tool + " migrated, or adopt by the schema "
                    + "alone with import --from schema.");
        }
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                if (this == FLYWAY && !rows.getBoolean(2)) {
                    throw new AdoptionRefusedException("Flyway recorded " + rows.getString(1) + " as failed, so the schema is not what "
                            + "any list of migrations makes.", "Repair it with Flyway (flyway repair) or by hand first, then import.");
                }
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private boolean exists(Connection connection, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.SQLITE
                ? "select count(*) from main.sqlite_master where type = 'table' and name = ?"
                : "select count(*) from pg_tables where schemaname = current_schema() and tablename = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) > 0;
            }
        }
    }

    /** The tool named by a {@code --from} word, or null. */
    public static ForeignHistory of(String label) {
        for (ForeignHistory history : values()) {
            if (history.label().equals(label)) {
                return history;
            }
        }
        return null;
    }
}
