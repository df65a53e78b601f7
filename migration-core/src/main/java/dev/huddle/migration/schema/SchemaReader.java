package dev.huddle.migration.schema;

import dev.huddle.migration.discover.Dialect;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads the schema a connection works in (PostgreSQL's current schema, SQLite's main database) into a {@link SchemaModel}. */
public interface SchemaReader {

    SchemaModel read(Connection connection) throws SQLException;

    static SchemaReader of(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? new PostgresSchemaReader() : new SqliteSchemaReader();
    }

    /** Whitespace collapsed to single spaces, so a definition reads the same however its script was laid out. */
    static String normalise(String definition) {
        return definition == null ? null : definition.strip().replaceAll("\\s+", " ");
    }
}
