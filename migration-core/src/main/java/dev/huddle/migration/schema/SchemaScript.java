package dev.huddle.migration.schema;

import dev.huddle.migration.discover.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Writes the SQL that builds a schema from nothing, read from a database that has it: the elements a {@link SchemaModel}
 * holds (tables, columns, defaults, constraints, indexes, triggers, functions, views, sequences, enum types), in an order
 * the engine accepts. Definitions are taken raw from the engine, not from the model's normalised text, so a function body
 * keeps its line comments. {@code squash} uses it for a module's baseline script; the model of a database built by that
 * script must equal the model of the one it was read from.
 */
public interface SchemaScript {

    /**
     * @param includes whether an element, by its {@link SchemaModel} key ({@code table meetings},
     *                 {@code index meetings.idx_meetings_room_name}, {@code enum recording_status}), belongs in the script
     */
    String render(Connection connection, Predicate<String> includes) throws SQLException;

    static SchemaScript of(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? new PostgresSchemaScript() : new SqliteSchemaScript();
    }

    /** A name as an identifier, quoted when it needs to be: both engines read double quotes the same way. */
    static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
