package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A check against a database, given one connection, a statement on it and an inspector of its schema. */
@FunctionalInterface
public interface DatabaseCheck {
    void check(Connection connection, Statement statement, SchemaInspector schema) throws SQLException;

    /** Opens one connection to the database and runs the check on it. */
    static void run(TestDatabase database, DatabaseCheck check) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            check.check(connection, statement, new SchemaInspector(connection));
        }
    }
}
